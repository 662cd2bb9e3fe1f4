export function SidePanelApp() {
  return (
    <main>
      <h1>Care navigation</h1>
    </main>
  );
}
