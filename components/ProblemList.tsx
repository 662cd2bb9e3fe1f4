export function ProblemList({ problems }: { problems: string[] }) {
  if (problems.length === 0) return null;
  return (
    <div class="problem" role="alert">
      <h2>{problems.length === 1 ? 'There is a problem' : 'There are problems'}</h2>
      <ul>
        {problems.map((p) => (
          <li key={p}>{p}</li>
        ))}
      </ul>
    </div>
  );
}
