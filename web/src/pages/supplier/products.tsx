// Placeholder: replaced by the page's own implementation (issue 8, in progress).
export function MyProductsPage(_props: Record<string, unknown>) {
  return <p class="notice">MyProductsPage</p>;
}
