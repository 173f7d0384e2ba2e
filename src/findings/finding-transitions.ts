// Which decision each role may take from which status, and the status it leads to (issue 5 "Findings workflow"):
// open → confirmed | dismissed | exception | substitution-requested → resolved, any decided finding may be reopened, and
// the supplier answers a request. The service enforces it; the web interface offers only these actions. No runtime
// imports, so that the browser bundle can take it as it is.
import type { Role } from '../shared/actor.js';
import type { DecisionAction, FindingStatus } from './finding.schema.js';

export interface Transition {
  from: readonly FindingStatus[];
  /** null: the status stays (an answer is recorded in the history). */
  to: FindingStatus | null;
  roles: readonly Role[];
}

export const TRANSITIONS: Readonly<Record<DecisionAction, Transition>> = {
  confirm: { from: ['open'], to: 'confirmed', roles: ['admin', 'expert'] },
  dismiss: { from: ['open', 'confirmed', 'substitution-requested'], to: 'dismissed', roles: ['admin', 'expert'] },
  'grant-exception': { from: ['open', 'confirmed', 'substitution-requested'], to: 'exception', roles: ['admin', 'expert'] },
  'request-substitution': { from: ['open', 'confirmed'], to: 'substitution-requested', roles: ['admin', 'expert'] },
  resolve: { from: ['confirmed', 'substitution-requested', 'exception'], to: 'resolved', roles: ['admin', 'expert'] },
  reopen: { from: ['confirmed', 'dismissed', 'exception', 'substitution-requested', 'resolved'], to: 'open', roles: ['admin', 'expert'] },
  answer: { from: ['open', 'confirmed', 'substitution-requested', 'exception'], to: null, roles: ['supplier', 'admin'] },
};
