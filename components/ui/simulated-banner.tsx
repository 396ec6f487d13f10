/** Shown on every page whose data come from the simulator, so nobody mistakes them for the Hub's. */
export function SimulatedBanner({ simulated }: { simulated: boolean }) {
  if (!simulated) return null;
  return (
    <div className="banner-simulated" role="note">
      <strong>Simulated data:</strong> these are not real Hugging Face models.
    </div>
  );
}
