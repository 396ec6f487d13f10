export default function MethodsLoading() {
  return (
    <div className="stack" role="status" aria-label="Loading">
      <div className="skeleton" style={{ height: 28, width: '35%' }} />
      <div className="skeleton" style={{ height: 44 }} />
      <div className="skeleton" style={{ height: 360 }} />
    </div>
  );
}
