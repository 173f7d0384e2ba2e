// Every page of the interface: its address, the roles that may open it, and whether (and under which label) the
// navigation shows it. The navigation shows a role exactly the pages it may open; the API enforces the same roles.
import type { ComponentChildren } from 'preact';
import type { Role } from './session.js';
import { ProductPage } from './pages/procurement/product.js';
import { SearchPage } from './pages/procurement/search.js';
import { FindingPage } from './pages/expert/finding.js';
import { ListPage, ListsPage } from './pages/expert/lists.js';
import { ReviewPage } from './pages/expert/review.js';
import { MyFindingsPage } from './pages/supplier/findings.js';
import { MyProductsPage } from './pages/supplier/products.js';
import { UploadPage } from './pages/supplier/upload.js';
import { ContractsPage } from './pages/contracts/contracts.js';
import { DashboardPage } from './pages/contracts/dashboard.js';
import { FollowUpPage } from './pages/contracts/follow-up.js';

export type NavKey = 'nav.search' | 'nav.review' | 'nav.lists' | 'nav.contracts' | 'nav.dashboard' | 'nav.myProducts' | 'nav.myFindings';

export interface PageRoute {
  pattern: string;
  roles: readonly Role[];
  nav?: NavKey;
  render: (params: Record<string, string>, query: URLSearchParams) => ComponentChildren;
}

const BUYERS: readonly Role[] = ['admin', 'expert', 'procurement'];
const EXPERTS: readonly Role[] = ['admin', 'expert'];
const ALL: readonly Role[] = ['admin', 'expert', 'procurement', 'supplier'];

export const ROUTES: readonly PageRoute[] = [
  { pattern: '/search', roles: BUYERS, nav: 'nav.search', render: (_p, q) => <SearchPage query={q} /> },
  { pattern: '/products/:id', roles: ALL, render: (p) => <ProductPage id={p.id!} /> },
  { pattern: '/review', roles: EXPERTS, nav: 'nav.review', render: (_p, q) => <ReviewPage query={q} /> },
  { pattern: '/findings/:id', roles: ALL, render: (p) => <FindingPage id={p.id!} /> },
  { pattern: '/lists', roles: EXPERTS, nav: 'nav.lists', render: () => <ListsPage /> },
  { pattern: '/lists/:id', roles: EXPERTS, render: (p, q) => <ListPage id={p.id!} query={q} /> },
  { pattern: '/my/products', roles: ['supplier'], nav: 'nav.myProducts', render: (_p, q) => <MyProductsPage query={q} /> },
  { pattern: '/my/products/:id/upload', roles: ['admin', 'supplier'], render: (p, q) => <UploadPage productId={p.id!} query={q} /> },
  { pattern: '/my/findings', roles: ['supplier'], nav: 'nav.myFindings', render: (_p, q) => <MyFindingsPage query={q} /> },
  { pattern: '/contracts', roles: BUYERS, nav: 'nav.contracts', render: () => <ContractsPage /> },
  { pattern: '/contracts/:id', roles: BUYERS, render: (p, q) => <FollowUpPage id={p.id!} query={q} /> },
  { pattern: '/dashboard', roles: BUYERS, nav: 'nav.dashboard', render: () => <DashboardPage /> },
];

/** Where a role lands after sign-in. */
export function homeOf(role: Role): string {
  return role === 'supplier' ? '/my/products' : role === 'expert' ? '/review' : '/search';
}
