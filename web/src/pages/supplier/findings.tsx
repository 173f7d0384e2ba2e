// Placeholder: replaced by the page's own implementation (issue 8, in progress).
export function MyFindingsPage(_props: Record<string, unknown>) {
  return <p class="notice">MyFindingsPage</p>;
}
