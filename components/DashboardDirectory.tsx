/** Directory tab of the dashboard (import, review queue, edit, feed). Placeholder until built. */
export function DashboardDirectory() {
  return <p>Directory management is not built yet.</p>;
}
