/**
 * Small bounded damped-Newton minimiser for smooth low-dimensional objectives (d ≤ 3).
 *
 * Why not ml-levenberg-marquardt: after profiling λ out in closed form the problem is 2-D with a
 * non-quadratic prior term (Gamma on λ), so it is not a plain least-squares problem; a Newton step
 * on a finite-difference Hessian with Levenberg damping converges in a handful of iterations and
 * reports honestly whether the gradient tolerance was met.
 */

export type MinimizeResult = {
  x: number[];
  f: number;
  converged: boolean;
  iterations: number;
  gradNorm: number;
  reason: string;
};

export type MinimizeOptions = {
  lower: readonly number[];
  upper: readonly number[];
  maxIter?: number;
  /** Absolute tolerance on the projected gradient (objective units per parameter unit). */
  gradTol?: number;
  step?: number;
  /** Converged when the Newton decrement gᵀH⁻¹g/2 (objective units) falls below this. */
  decrementTol?: number;
};

function clamp(v: number, lo: number, hi: number): number {
  return Math.min(Math.max(v, lo), hi);
}

/** Central-difference gradient and Hessian of f at x (d ≤ 3 so the cost is small). */
export function numericHessian(
  f: (x: number[]) => number,
  x: readonly number[],
  h: number,
): { f0: number; g: number[]; H: number[][] } {
  const d = x.length;
  const f0 = f([...x]);
  const g = new Array<number>(d).fill(0);
  const H: number[][] = Array.from({ length: d }, () => new Array<number>(d).fill(0));
  const fp: number[] = [];
  const fm: number[] = [];
  for (let i = 0; i < d; i++) {
    const xp = [...x];
    const xm = [...x];
    xp[i] += h;
    xm[i] -= h;
    fp[i] = f(xp);
    fm[i] = f(xm);
    g[i] = (fp[i] - fm[i]) / (2 * h);
    H[i][i] = (fp[i] - 2 * f0 + fm[i]) / (h * h);
  }
  for (let i = 0; i < d; i++) {
    for (let j = i + 1; j < d; j++) {
      const xpp = [...x];
      const xmm = [...x];
      xpp[i] += h;
      xpp[j] += h;
      xmm[i] -= h;
      xmm[j] -= h;
      // Uses the axis points already computed: 2 extra evaluations per pair instead of 4.
      const v = (f(xpp) - fp[i] - fp[j] + 2 * f0 - fm[i] - fm[j] + f(xmm)) / (2 * h * h);
      H[i][j] = v;
      H[j][i] = v;
    }
  }
  return { f0, g, H };
}

/** Solves A x = b for small symmetric A by Gaussian elimination with partial pivoting; null if singular. */
export function solveSmall(A: readonly (readonly number[])[], b: readonly number[]): number[] | null {
  const n = b.length;
  const M = A.map((r, i) => [...r, b[i]]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(M[r][c]) > Math.abs(M[p][c])) p = r;
    if (!(Math.abs(M[p][c]) > 1e-300)) return null;
    [M[c], M[p]] = [M[p], M[c]];
    for (let r = c + 1; r < n; r++) {
      const k = M[r][c] / M[c][c];
      for (let k2 = c; k2 <= n; k2++) M[r][k2] -= k * M[c][k2];
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let s = M[r][n];
    for (let c = r + 1; c < n; c++) s -= M[r][c] * x[c];
    x[r] = s / M[r][r];
  }
  return x.every(Number.isFinite) ? x : null;
}

/** Inverse of a small symmetric positive-definite matrix, or null. */
export function invertSmall(A: readonly (readonly number[])[]): number[][] | null {
  const n = A.length;
  const cols: number[][] = [];
  for (let j = 0; j < n; j++) {
    const e = new Array<number>(n).fill(0);
    e[j] = 1;
    const c = solveSmall(A, e);
    if (!c) return null;
    cols.push(c);
  }
  const inv = Array.from({ length: n }, (_, i) =>
    Array.from({ length: n }, (_, j) => 0.5 * (cols[j][i] + cols[i][j])),
  );
  for (let i = 0; i < n; i++) if (!(inv[i][i] > 0)) return null;
  return inv;
}

/** Coordinates not held by a bound: at a bound with the gradient pushing outwards means held. */
function freeMask(x: readonly number[], g: readonly number[], opts: MinimizeOptions): boolean[] {
  return g.map(
    (gi, i) => !((x[i] <= opts.lower[i] + 1e-12 && gi > 0) || (x[i] >= opts.upper[i] - 1e-12 && gi < 0)),
  );
}

/** Newton-type step on the free coordinates only (zero on held ones), with Levenberg damping nu; null if singular. */
function reducedStep(
  H: readonly (readonly number[])[],
  g: readonly number[],
  free: readonly boolean[],
  nu: number,
): number[] | null {
  const idx = free.map((f, i) => (f ? i : -1)).filter((i) => i >= 0);
  const step = new Array<number>(g.length).fill(0);
  if (!idx.length) return step;
  const scale = Math.max(...idx.map((i) => Math.abs(H[i][i])), 1e-12);
  const A = idx.map((i) => idx.map((j) => H[i][j] + (i === j ? nu * scale : 0)));
  const s = solveSmall(
    A,
    idx.map((i) => -g[i]),
  );
  if (!s) return null;
  idx.forEach((i, k) => {
    step[i] = s[k];
  });
  return step;
}

/** Projected gradient norm and Newton decrement gᵀH⁻¹g/2 over the free coordinates at x. */
function stationarity(
  f: (x: number[]) => number,
  x: readonly number[],
  opts: MinimizeOptions,
  h: number,
): { gradNorm: number; decrement: number } {
  const { g, H } = numericHessian(f, x, h);
  return stationarityFrom(g, H, freeMask(x, g, opts));
}

function stationarityFrom(
  g: readonly number[],
  H: readonly (readonly number[])[],
  free: readonly boolean[],
): { gradNorm: number; decrement: number } {
  let gradNorm = 0;
  for (let i = 0; i < g.length; i++) if (free[i]) gradNorm = Math.max(gradNorm, Math.abs(g[i]));
  let decrement = Number.POSITIVE_INFINITY;
  const step = reducedStep(H, g, free, 0);
  if (step && free.every((fr, i) => !fr || H[i][i] > 0)) {
    let dec = 0;
    for (let i = 0; i < g.length; i++) dec -= g[i] * step[i];
    if (dec >= 0) decrement = dec / 2;
  }
  return { gradNorm, decrement };
}

/**
 * Bounded damped Newton: Levenberg damping on the finite-difference Hessian, an active set for
 * coordinates held by a bound, projection onto the box. Converged when the projected gradient or the
 * Newton decrement gᵀH⁻¹g/2 (objective units, so scale-aware: log-likelihood units here) is below tolerance.
 */
export function minimizeNewton(
  f: (x: number[]) => number,
  x0: readonly number[],
  opts: MinimizeOptions,
): MinimizeResult {
  const { lower, upper } = opts;
  const maxIter = opts.maxIter ?? 60;
  const gradTol = opts.gradTol ?? 1e-6;
  const h = opts.step ?? 1e-5;
  const decrementTol = opts.decrementTol ?? 1e-10;
  let x = x0.map((v, i) => clamp(v, lower[i], upper[i]));
  let fx = f(x);
  let nu = 1e-3;
  let gradNorm = Number.POSITIVE_INFINITY;
  for (let it = 0; it < maxIter; it++) {
    const { g, H } = numericHessian(f, x, h);
    const free = freeMask(x, g, opts);
    const st = stationarityFrom(g, H, free);
    gradNorm = st.gradNorm;
    if (gradNorm < gradTol)
      return { x, f: fx, converged: true, iterations: it, gradNorm, reason: 'gradient tolerance met' };
    if (st.decrement < decrementTol)
      return {
        x,
        f: fx,
        converged: true,
        iterations: it,
        gradNorm,
        reason: 'Newton decrement below tolerance',
      };
    let accepted = false;
    for (let tries = 0; tries < 30 && !accepted; tries++) {
      const step = reducedStep(H, g, free, nu);
      if (step) {
        const xn = x.map((v, i) => clamp(v + step[i], lower[i], upper[i]));
        const fn = f(xn);
        if (Number.isFinite(fn) && fn <= fx) {
          const moved = Math.max(...xn.map((v, i) => Math.abs(v - x[i])));
          const dec = fx - fn;
          x = xn;
          fx = fn;
          nu = Math.max(nu / 4, 1e-9);
          accepted = true;
          if (moved < 1e-10 || dec < 1e-14 * (1 + Math.abs(fx))) {
            // Stalled: accept only if the gradient is small or the Newton decrement is negligible.
            const fin = stationarity(f, x, opts, h);
            const ok = fin.gradNorm < Math.max(gradTol, 1e-4) || fin.decrement < decrementTol;
            return {
              x,
              f: fx,
              converged: ok,
              iterations: it + 1,
              gradNorm: fin.gradNorm,
              reason: ok ? 'step tolerance met' : 'stalled with non-zero gradient',
            };
          }
          continue;
        }
      }
      nu *= 4;
    }
    if (!accepted) {
      const fin = stationarity(f, x, opts, h);
      const ok = fin.gradNorm < Math.max(gradTol, 1e-4) || fin.decrement < decrementTol;
      return {
        x,
        f: fx,
        converged: ok,
        iterations: it + 1,
        gradNorm: fin.gradNorm,
        reason: ok ? 'no further descent; stationary' : 'no descent step found',
      };
    }
  }
  return {
    x,
    f: fx,
    converged: false,
    iterations: maxIter,
    gradNorm,
    reason: `iteration limit ${maxIter} reached`,
  };
}
