/** Practice-lead dashboard shell: tabs for logs, directory, script and settings. Placeholder until built. */
export function DashboardApp() {
  return (
    <main>
      <h1>Care navigation dashboard</h1>
    </main>
  );
}
