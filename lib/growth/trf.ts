/**
 * A port of SciPy's bounded Trust Region Reflective least squares (scipy.optimize.least_squares,
 * method='trf', tr_solver='exact', loss='linear', x_scale=1, jac='2-point'), the algorithm
 * behind curve_fit with bounds. Written to reproduce the paper's fits, including their failures
 * (iterations that never leave the start point, runs that exhaust max_nfev), so it follows
 * SciPy's control flow step by step rather than being a good optimiser in its own right.
 */

const EPS = 2.220446049250313e-16;

export type TrfResult = { x: number[]; cost: number; nfev: number; status: number; message: string };

export type TrfOptions = {
  lower: number[];
  upper: number[];
  maxNfev?: number;
  ftol?: number;
  xtol?: number;
  gtol?: number;
};

type Vec = number[];
type Mat = number[][]; // row-major, rows × cols

const dot = (a: Vec, b: Vec): number => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
};
const norm = (a: Vec): number => Math.sqrt(dot(a, a));
const matVec = (A: Mat, v: Vec): Vec => A.map((r) => dot(r, v));

/** Thin SVD of a tall matrix by one-sided Jacobi: A = U diag(s) Vᵀ with s descending. */
function svd(A: Mat): { U: Mat; s: Vec; V: Mat } {
  const m = A.length;
  const n = A[0].length;
  const W = A.map((r) => [...r]);
  const V: Mat = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));
  for (let sweep = 0; sweep < 60; sweep++) {
    let off = 0;
    for (let p = 0; p < n - 1; p++) {
      for (let q = p + 1; q < n; q++) {
        let a = 0;
        let b = 0;
        let c = 0;
        for (let i = 0; i < m; i++) {
          a += W[i][p] * W[i][p];
          b += W[i][q] * W[i][q];
          c += W[i][p] * W[i][q];
        }
        if (c === 0 || Math.abs(c) <= 1e-15 * Math.sqrt(a * b)) continue;
        off = Math.max(off, Math.abs(c) / Math.sqrt(a * b));
        const zeta = (b - a) / (2 * c);
        const t = Math.sign(zeta || 1) / (Math.abs(zeta) + Math.sqrt(1 + zeta * zeta));
        const cs = 1 / Math.sqrt(1 + t * t);
        const sn = cs * t;
        for (let i = 0; i < m; i++) {
          const wp = W[i][p];
          const wq = W[i][q];
          W[i][p] = cs * wp - sn * wq;
          W[i][q] = sn * wp + cs * wq;
        }
        for (let i = 0; i < n; i++) {
          const vp = V[i][p];
          const vq = V[i][q];
          V[i][p] = cs * vp - sn * vq;
          V[i][q] = sn * vp + cs * vq;
        }
      }
    }
    if (off < 1e-15) break;
  }
  const s = Array.from({ length: n }, (_, j) => Math.sqrt(W.reduce((acc, r) => acc + r[j] * r[j], 0)));
  const order = s.map((_, j) => j).sort((a, b) => s[b] - s[a]);
  const sS = order.map((j) => s[j]);
  const U: Mat = W.map((r) => order.map((j) => (s[j] > 0 ? r[j] / s[j] : 0)));
  const VS: Mat = V.map((r) => order.map((j) => r[j]));
  return { U, s: sS, V: VS };
}

function solveLsqTrustRegion(
  n: number,
  m: number,
  uf: Vec,
  s: Vec,
  V: Mat,
  Delta: number,
  initialAlpha: number,
): { p: Vec; alpha: number } {
  const suf = s.map((v, i) => v * uf[i]);
  const phiAndDerivative = (alpha: number): [number, number] => {
    const denom = s.map((v) => v * v + alpha);
    const pn = norm(suf.map((v, i) => v / denom[i]));
    let sum = 0;
    for (let i = 0; i < n; i++) sum += (suf[i] * suf[i]) / denom[i] ** 3;
    return [pn - Delta, -sum / pn];
  };
  const fullRank = m >= n ? s[n - 1] > EPS * m * s[0] : false;
  if (fullRank) {
    const p = matVec(
      V,
      uf.map((v, i) => -v / s[i]),
    );
    if (norm(p) <= Delta) return { p, alpha: 0 };
  }
  let alphaUpper = norm(suf) / Delta;
  let alphaLower = 0;
  if (fullRank) {
    const [phi, phiPrime] = phiAndDerivative(0);
    alphaLower = -phi / phiPrime;
  }
  let alpha =
    !fullRank && initialAlpha === 0
      ? Math.max(0.001 * alphaUpper, Math.sqrt(alphaLower * alphaUpper))
      : initialAlpha;
  for (let it = 0; it < 10; it++) {
    if (alpha < alphaLower || alpha > alphaUpper)
      alpha = Math.max(0.001 * alphaUpper, Math.sqrt(alphaLower * alphaUpper));
    const [phi, phiPrime] = phiAndDerivative(alpha);
    if (phi < 0) alphaUpper = alpha;
    const ratio = phi / phiPrime;
    alphaLower = Math.max(alphaLower, alpha - ratio);
    alpha -= ((phi + Delta) * ratio) / Delta;
    if (Math.abs(phi) < 0.01 * Delta) break;
  }
  let p = matVec(
    V,
    suf.map((v, i) => -v / (s[i] * s[i] + alpha)),
  );
  const pn = norm(p);
  p = p.map((v) => (v * Delta) / pn);
  return { p, alpha };
}

function stepSizeToBound(x: Vec, s: Vec, lb: Vec, ub: Vec): { step: number; hits: number[] } {
  const steps = x.map((xi, i) =>
    s[i] === 0 ? Number.POSITIVE_INFINITY : Math.max((lb[i] - xi) / s[i], (ub[i] - xi) / s[i]),
  );
  const step = Math.min(...steps);
  return { step, hits: steps.map((v, i) => (v === step ? Math.sign(s[i]) : 0)) };
}

function intersectTrustRegion(x: Vec, s: Vec, Delta: number): [number, number] {
  const a = dot(s, s);
  const b = dot(x, s);
  const c = dot(x, x) - Delta * Delta;
  const d = Math.sqrt(b * b - a * c);
  const q = -(b + (b >= 0 ? d : -d));
  const t1 = q / a;
  const t2 = c / q;
  return t1 < t2 ? [t1, t2] : [t2, t1];
}

function evaluateQuadratic(J: Mat, g: Vec, s: Vec, diag: Vec): number {
  const Js = matVec(J, s);
  let q = dot(Js, Js);
  for (let i = 0; i < s.length; i++) q += s[i] * diag[i] * s[i];
  return 0.5 * q + dot(s, g);
}

function buildQuadratic1d(J: Mat, g: Vec, s: Vec, diag: Vec, s0?: Vec): [number, number, number] {
  const v = matVec(J, s);
  let a = dot(v, v);
  for (let i = 0; i < s.length; i++) a += s[i] * diag[i] * s[i];
  a *= 0.5;
  let b = dot(g, s);
  let c = 0;
  if (s0) {
    const u = matVec(J, s0);
    b += dot(u, v);
    c = 0.5 * dot(u, u) + dot(g, s0);
    for (let i = 0; i < s.length; i++) {
      b += s0[i] * diag[i] * s[i];
      c += 0.5 * s0[i] * diag[i] * s0[i];
    }
  }
  return [a, b, c];
}

function minimizeQuadratic1d(a: number, b: number, lb: number, ub: number, c: number): [number, number] {
  const t = [lb, ub];
  if (a !== 0) {
    const ext = (-0.5 * b) / a;
    if (lb < ext && ext < ub) t.push(ext);
  }
  let bi = 0;
  let bv = Number.POSITIVE_INFINITY;
  t.forEach((ti, i) => {
    const y = ti * (a * ti + b) + c;
    if (y < bv) {
      bv = y;
      bi = i;
    }
  });
  return [t[bi], bv];
}

function inBounds(x: Vec, lb: Vec, ub: Vec): boolean {
  return x.every((v, i) => v >= lb[i] && v <= ub[i]);
}

function selectStep(
  x: Vec,
  Jh: Mat,
  diagH: Vec,
  gH: Vec,
  p: Vec,
  pH: Vec,
  d: Vec,
  Delta: number,
  lb: Vec,
  ub: Vec,
  theta: number,
): { step: Vec; stepH: Vec; pred: number } {
  const xp = x.map((v, i) => v + p[i]);
  if (inBounds(xp, lb, ub)) return { step: p, stepH: pH, pred: -evaluateQuadratic(Jh, gH, pH, diagH) };
  const { step: pStride, hits } = stepSizeToBound(x, p, lb, ub);
  let rH = pH.map((v, i) => (hits[i] !== 0 ? -v : v));
  let r = rH.map((v, i) => d[i] * v);
  p = p.map((v) => v * pStride);
  pH = pH.map((v) => v * pStride);
  const xOnBound = x.map((v, i) => v + p[i]);
  const toTr = intersectTrustRegion(pH, rH, Delta)[1];
  const toBound = stepSizeToBound(xOnBound, r, lb, ub).step;
  let rStride = Math.min(toBound, toTr);
  let rStrideL: number;
  let rStrideU: number;
  if (rStride > 0) {
    rStrideL = ((1 - theta) * pStride) / rStride;
    rStrideU = rStride === toBound ? theta * toBound : toTr;
  } else {
    rStrideL = 0;
    rStrideU = -1;
  }
  let rValue = Number.POSITIVE_INFINITY;
  if (rStrideL <= rStrideU) {
    const [a, b, c] = buildQuadratic1d(Jh, gH, rH, diagH, pH);
    [rStride, rValue] = minimizeQuadratic1d(a, b, rStrideL, rStrideU, c);
    rH = rH.map((v, i) => v * rStride + pH[i]);
    r = rH.map((v, i) => v * d[i]);
  }
  p = p.map((v) => v * theta);
  pH = pH.map((v) => v * theta);
  const pValue = evaluateQuadratic(Jh, gH, pH, diagH);
  let agH = gH.map((v) => -v);
  let ag = agH.map((v, i) => d[i] * v);
  const toTr2 = Delta / norm(agH);
  const toBound2 = stepSizeToBound(x, ag, lb, ub).step;
  const agStride0 = toBound2 < toTr2 ? theta * toBound2 : toTr2;
  const [a2, b2] = buildQuadratic1d(Jh, gH, agH, diagH);
  const [agStride, agValue] = minimizeQuadratic1d(a2, b2, 0, agStride0, 0);
  agH = agH.map((v) => v * agStride);
  ag = ag.map((v) => v * agStride);
  if (pValue < rValue && pValue < agValue) return { step: p, stepH: pH, pred: -pValue };
  if (rValue < pValue && rValue < agValue) return { step: r, stepH: rH, pred: -rValue };
  return { step: ag, stepH: agH, pred: -agValue };
}

function makeStrictlyFeasible(x: Vec, lb: Vec, ub: Vec): Vec {
  return x.map((v, i) => {
    let w = v;
    if (v <= lb[i]) w = nextAfterUp(lb[i]);
    else if (v >= ub[i]) w = -nextAfterUp(-ub[i]);
    if (w < lb[i] || w > ub[i]) w = 0.5 * (lb[i] + ub[i]);
    return w;
  });
}

/** Smallest double greater than v (np.nextafter(v, +inf)); finite inputs only. */
function nextAfterUp(v: number): number {
  if (v === 0) return Number.MIN_VALUE;
  const buf = new DataView(new ArrayBuffer(8));
  buf.setFloat64(0, v);
  const bits = buf.getBigUint64(0);
  buf.setBigUint64(0, v > 0 ? bits + 1n : bits - 1n);
  return buf.getFloat64(0);
}

/** '2-point' forward differences exactly as scipy's approx_derivative (rel step √eps·max(1, |x|)). */
function jacobian2Point(fun: (x: Vec) => Vec, x: Vec, f0: Vec, ub: Vec): Mat {
  const m = f0.length;
  const n = x.length;
  const J: Mat = Array.from({ length: m }, () => new Array<number>(n).fill(0));
  const rel = Math.sqrt(EPS);
  for (let j = 0; j < n; j++) {
    let h = rel * (x[j] >= 0 ? 1 : -1) * Math.max(1, Math.abs(x[j]));
    if (x[j] + h > ub[j]) h = -h;
    const xh = [...x];
    xh[j] = x[j] + h;
    const dx = xh[j] - x[j];
    const f1 = fun(xh);
    for (let i = 0; i < m; i++) J[i][j] = (f1[i] - f0[i]) / dx;
  }
  return J;
}

function clScaling(x: Vec, g: Vec, lb: Vec, ub: Vec): { v: Vec; dv: Vec } {
  const v = x.map(() => 1);
  const dv = x.map(() => 0);
  for (let i = 0; i < x.length; i++) {
    if (g[i] < 0 && Number.isFinite(ub[i])) {
      v[i] = ub[i] - x[i];
      dv[i] = -1;
    }
    if (g[i] > 0 && Number.isFinite(lb[i])) {
      v[i] = x[i] - lb[i];
      dv[i] = 1;
    }
  }
  return { v, dv };
}

/** Bounded TRF least squares of the residual function `fun` from x0 (SciPy semantics; status > 0 is success, 0 = max_nfev reached). */
export function trfLeastSquares(fun: (x: Vec) => Vec, x0In: Vec, opts: TrfOptions): TrfResult {
  const lb = opts.lower;
  const ub = opts.upper;
  const ftol = opts.ftol ?? 1e-8;
  const xtol = opts.xtol ?? 1e-8;
  const gtol = opts.gtol ?? 1e-8;
  const n = x0In.length;
  const maxNfev = opts.maxNfev ?? 100 * n;
  let x = [...x0In];
  let f = fun(x);
  let nfev = 1;
  const m = f.length;
  let J = jacobian2Point(fun, x, f, ub);
  let cost = 0.5 * dot(f, f);
  const grad = (JJ: Mat, ff: Vec): Vec =>
    Array.from({ length: n }, (_, j) => JJ.reduce((acc, r, i) => acc + r[j] * ff[i], 0));
  let g = grad(J, f);
  let { v } = clScaling(x, g, lb, ub);
  let Delta = norm(x.map((xi, i) => xi / Math.sqrt(v[i])));
  if (Delta === 0) Delta = 1;
  let alpha = 0;
  let status: number | null = null;
  for (;;) {
    const sc = clScaling(x, g, lb, ub);
    v = sc.v;
    const gNorm = Math.max(...g.map((gi, i) => Math.abs(gi * v[i])));
    if (gNorm < gtol) status = 1;
    if (status !== null || nfev === maxNfev) break;
    const d = v.map(Math.sqrt);
    const diagH = g.map((gi, i) => gi * sc.dv[i]);
    const gH = d.map((di, i) => di * g[i]);
    const Jh: Mat = J.map((r) => r.map((vv, j) => vv * d[j]));
    const Jaug: Mat = [
      ...Jh,
      ...diagH.map((dh, i) => Array.from({ length: n }, (_, j) => (i === j ? Math.sqrt(dh) : 0))),
    ];
    const faug = [...f, ...new Array<number>(n).fill(0)];
    const { U, s, V } = svd(Jaug);
    const uf = Array.from({ length: n }, (_, j) => U.reduce((acc, r, i) => acc + r[j] * faug[i], 0));
    const theta = Math.max(0.995, 1 - gNorm);
    let actualReduction = -1;
    let xNew = x;
    let fNew = f;
    let costNew = cost;
    while (actualReduction <= 0 && nfev < maxNfev) {
      const tr = solveLsqTrustRegion(n, m, uf, s, V, Delta, alpha);
      alpha = tr.alpha;
      const pH = tr.p;
      const p = pH.map((pi, i) => d[i] * pi);
      const sel = selectStep(x, Jh, diagH, gH, p, pH, d, Delta, lb, ub, theta);
      xNew = makeStrictlyFeasible(
        x.map((xi, i) => xi + sel.step[i]),
        lb,
        ub,
      );
      fNew = fun(xNew);
      nfev++;
      const stepHNorm = norm(sel.stepH);
      if (!fNew.every(Number.isFinite)) {
        Delta = 0.25 * stepHNorm;
        continue;
      }
      costNew = 0.5 * dot(fNew, fNew);
      actualReduction = cost - costNew;
      let ratio: number;
      if (sel.pred > 0) ratio = actualReduction / sel.pred;
      else if (sel.pred === 0 && actualReduction === 0) ratio = 1;
      else ratio = 0;
      let DeltaNew = Delta;
      if (ratio < 0.25) DeltaNew = 0.25 * stepHNorm;
      else if (ratio > 0.75 && stepHNorm > 0.95 * Delta) DeltaNew = 2 * Delta;
      const stepNorm = norm(sel.step);
      const ftolOk = actualReduction < ftol * cost && ratio > 0.25;
      const xtolOk = stepNorm < xtol * (xtol + norm(x));
      if (ftolOk && xtolOk) status = 4;
      else if (ftolOk) status = 2;
      else if (xtolOk) status = 3;
      if (status !== null) break;
      alpha *= Delta / DeltaNew;
      Delta = DeltaNew;
    }
    if (actualReduction > 0) {
      x = xNew;
      f = fNew;
      cost = costNew;
      J = jacobian2Point(fun, x, f, ub);
      g = grad(J, f);
    }
  }
  const messages: Record<number, string> = {
    0: 'the maximum number of function evaluations is exceeded',
    1: 'gtol termination condition is satisfied',
    2: 'ftol termination condition is satisfied',
    3: 'xtol termination condition is satisfied',
    4: 'both ftol and xtol termination conditions are satisfied',
  };
  const st = status ?? 0;
  return { x, cost, nfev, status: st, message: messages[st] };
}
