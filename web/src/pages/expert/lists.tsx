// Placeholder: replaced by the page's own implementation (issue 8, in progress).
export function ListsPage(_props: Record<string, unknown>) {
  return <p class="notice">ListsPage</p>;
}
export function ListPage(_props: Record<string, unknown>) {
  return <p class="notice">ListPage</p>;
}
