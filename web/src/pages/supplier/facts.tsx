// What an upload answered, shown for the supplier to check: the facts chemreg read from an SDS or a declaration, and
// what screening then found for the product.
import type { Ref } from 'preact';
import { api, query as queryString } from '../../api.js';
import { Loaded, SeverityBadge, useAsync } from '../../components/ui.js';
import { formatDate, formatNumber, useT } from '../../i18n/index.js';
import { href } from '../../router.js';
import { useMe } from '../../session.js';
import { displayName, messages } from './messages.js';
import type { DeclarationRevision, FindingPage, SdsRevision } from '../../api-types.js';
import type { Concentration, DeclaredSubstance, Identifier, TextFact } from './types.js';

/** Below this the extractor itself is unsure (its review step flags such facts as low-confidence). */
const UNSURE = 0.6;

/** Product names compared loosely: the data sheet may add a trade suffix or write the name in capitals. */
function sameName(a: string, b: string): boolean {
  const norm = (s: string) => s.toLocaleLowerCase().replace(/\s+/gu, ' ').trim();
  const x = norm(a);
  const y = norm(b);
  return x.includes(y) || y.includes(x);
}

function IdentifierText({ id }: { id: Identifier | null }) {
  const { t } = useT(messages);
  if (!id) return <span class="muted">–</span>;
  return (
    <>
      {id.printed}
      {!id.valid && (
        <span class="flag" title={id.problem}>
          {t('facts.invalid')}
        </span>
      )}
    </>
  );
}

function ConcentrationText({ value }: { value: Concentration | null }) {
  if (!value) return <span class="muted">–</span>;
  return <>{value.text}</>;
}

export function SdsFactsView({ revision, productName, headingRef }: { revision: SdsRevision; productName: string; headingRef?: Ref<HTMLHeadingElement> }) {
  const { t, lang } = useT(messages);
  const { facts } = revision;
  const printedName = facts.productName.value;

  const text = (fact: TextFact, show: (value: string) => string = (v) => v) =>
    fact.value === null ? (
      <span class="muted">{t('facts.notFound')}</span>
    ) : (
      <>
        {show(fact.value)}
        {fact.confidence < UNSURE && <span class="flag">{t('facts.unsure')}</span>}
      </>
    );
  const codes = (list: SdsRevision['facts']['hazardStatements']) =>
    list.length === 0 ? (
      <span class="muted">{t('facts.none')}</span>
    ) : (
      <ul class="codes">
        {list.map((c) => (
          <li key={c.code}>
            {c.code}
            {!c.known && <span class="flag">{t('facts.unknownCode')}</span>}
          </li>
        ))}
      </ul>
    );

  return (
    <section aria-labelledby="sds-facts-heading">
      <h2 id="sds-facts-heading" tabIndex={-1} ref={headingRef}>
        {t('facts.title')}
      </h2>
      <p>{t('facts.stored', { file: revision.fileName, n: revision.revisionNumber })}</p>
      {revision.status === 'needs-ocr' && <p class="notice error">{t('facts.needsOcr')}</p>}
      {printedName !== null && !sameName(printedName, productName) && <p class="notice">{t('facts.nameMismatch', { printed: printedName, name: productName })}</p>}
      <dl class="facts">
        <dt>{t('facts.status')}</dt>
        <dd>{t(`sdsStatus.${revision.status}`)}</dd>
        <dt>{t('facts.productName')}</dt>
        <dd>{text(facts.productName)}</dd>
        <dt>{t('facts.supplierName')}</dt>
        <dd>{text(facts.supplierName)}</dd>
        <dt>{t('facts.country')}</dt>
        <dd>{text(facts.supplierCountry, (code) => displayName(code, 'region', lang))}</dd>
        <dt>{t('facts.revisionDate')}</dt>
        <dd>{text(facts.revisionDate, (date) => formatDate(date, lang))}</dd>
        <dt>{t('facts.version')}</dt>
        <dd>{text(facts.version)}</dd>
        <dt>{t('facts.language')}</dt>
        <dd>{facts.language === null ? <span class="muted">{t('facts.notFound')}</span> : displayName(facts.language, 'language', lang)}</dd>
        <dt>{t('facts.format')}</dt>
        <dd>{t(`format.${facts.format}`)}</dd>
        <dt>{t('facts.signalWord')}</dt>
        <dd>
          {facts.signalWord.value === null ? (
            <span class="muted">{t('facts.none')}</span>
          ) : (
            <>
              {t(`signal.${facts.signalWord.value}`)}
              {facts.signalWord.printed !== null && <span class="muted"> ({t('facts.printed', { printed: facts.signalWord.printed })})</span>}
            </>
          )}
        </dd>
        <dt>{t('facts.hazards')}</dt>
        <dd>{codes(facts.hazardStatements)}</dd>
        <dt>{t('facts.euh')}</dt>
        <dd>{codes(facts.euhStatements)}</dd>
        <dt>{t('facts.pictograms')}</dt>
        <dd>
          {facts.pictograms.length === 0 ? (
            <span class="muted">{t('facts.none')}</span>
          ) : (
            <ul class="codes">
              {facts.pictograms.map((p) => (
                <li key={p.code}>
                  {p.code} ({t(`pictogram.${p.code}`)})
                </li>
              ))}
            </ul>
          )}
        </dd>
      </dl>

      <h3>{t('facts.composition')}</h3>
      {facts.substances.length === 0 ? (
        <p class="muted">{t('facts.noSubstances')}</p>
      ) : (
        <div class="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('col.substance')}</th>
                <th scope="col">{t('col.cas')}</th>
                <th scope="col">{t('col.ec')}</th>
                <th scope="col">{t('col.concentration')}</th>
                <th scope="col">{t('facts.classification')}</th>
              </tr>
            </thead>
            <tbody>
              {facts.substances.map((s, i) => (
                <tr key={i}>
                  <td>
                    {s.name ?? <span class="muted">{t('unnamedSubstance')}</span>}
                    {s.confidence < UNSURE && <span class="flag">{t('facts.unsure')}</span>}
                  </td>
                  <td>
                    <IdentifierText id={s.cas} />
                  </td>
                  <td>
                    <IdentifierText id={s.ec} />
                  </td>
                  <td>
                    <ConcentrationText value={s.concentration} />
                  </td>
                  <td>{s.hazardCodes.length === 0 ? <span class="muted">–</span> : s.hazardCodes.join(', ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <h3>{t('facts.warnings')}</h3>
      {facts.reasons.length === 0 ? (
        <p class="muted">{t('facts.noWarnings')}</p>
      ) : (
        <ul>
          {facts.reasons.map((reason, i) => (
            <li key={i}>
              {t(`reason.${reason.code}`)}
              {reason.field !== undefined && (
                <>
                  {' '}
                  <code>{reason.field}</code>
                </>
              )}
              {/* The API explains each warning in English; marked so that a screen reader reads it as English. */}
              <div class="muted small" lang="en">
                {reason.message}
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

interface SubstanceRow {
  part: string | null;
  substance: DeclaredSubstance;
}

export function DeclarationView({ revision, headingRef }: { revision: DeclarationRevision; headingRef?: Ref<HTMLHeadingElement> }) {
  const { t, lang } = useT(messages);
  const { content } = revision;
  const rows: SubstanceRow[] = [
    ...content.substances.map((substance) => ({ part: null, substance })),
    ...content.components.flatMap((component) => [
      ...component.substances.map((substance) => ({ part: component.name, substance })),
      ...component.materials.flatMap((material) => material.substances.map((substance) => ({ part: `${component.name} › ${material.name}`, substance }))),
    ]),
  ];
  const format = t(`declFormat.${content.format}`) + (content.declarationClass ? `, ${t('decl.class', { c: content.declarationClass })}` : '');
  const optional = (value: string | null) => value ?? <span class="muted">–</span>;

  return (
    <section aria-labelledby="declaration-facts-heading">
      <h2 id="declaration-facts-heading" tabIndex={-1} ref={headingRef}>
        {t('decl.title')}
      </h2>
      <p>{t('decl.stored', { file: revision.fileName, n: revision.revisionNumber })}</p>
      <dl class="facts">
        <dt>{t('decl.format')}</dt>
        <dd>{format}</dd>
        <dt>{t('decl.productName')}</dt>
        <dd>{optional(content.productName)}</dd>
        <dt>{t('decl.productNumber')}</dt>
        <dd>{optional(content.productNumber)}</dd>
        <dt>{t('decl.declaredAt')}</dt>
        <dd>{content.declaredAt ? formatDate(content.declaredAt, lang) : <span class="muted">–</span>}</dd>
        {content.scipNumbers.length > 0 && (
          <>
            <dt>{t('decl.scip')}</dt>
            <dd>{content.scipNumbers.join(', ')}</dd>
          </>
        )}
        {content.statements.length > 0 && (
          <>
            <dt>{t('decl.statements')}</dt>
            <dd>
              <ul>
                {content.statements.map((s) => (
                  <li key={s.code}>{s.text}</li>
                ))}
              </ul>
            </dd>
          </>
        )}
        {content.declaredListVersions.length > 0 && (
          <>
            <dt>{t('decl.listVersions')}</dt>
            <dd>{content.declaredListVersions.map((v) => `${v.list} (${v.version})`).join(', ')}</dd>
          </>
        )}
      </dl>

      <h3>{t('decl.substances')}</h3>
      {rows.length === 0 ? (
        <p class="muted">{t('decl.noSubstances')}</p>
      ) : (
        <div class="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('decl.part')}</th>
                <th scope="col">{t('col.substance')}</th>
                <th scope="col">{t('col.cas')}</th>
                <th scope="col">{t('col.ec')}</th>
                <th scope="col">{t('col.concentration')}</th>
                <th scope="col">{t('decl.mass')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map(({ part, substance }) => (
                <tr key={substance.path}>
                  <td>{part ?? t('decl.wholeProduct')}</td>
                  <td>{substance.name ?? <span class="muted">{t('unnamedSubstance')}</span>}</td>
                  <td>
                    <IdentifierText id={substance.cas} />
                  </td>
                  <td>
                    <IdentifierText id={substance.ec} />
                  </td>
                  <td>
                    <ConcentrationText value={substance.concentration} />
                  </td>
                  <td>{substance.massMg === null ? <span class="muted">–</span> : `${formatNumber(substance.massMg, lang)} mg`}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {content.listAnswers.length > 0 && (
        <>
          <h3>{t('decl.listAnswers')}</h3>
          <div class="table-scroll">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('col.list')}</th>
                  <th scope="col">{t('decl.category')}</th>
                  <th scope="col">{t('decl.threshold')}</th>
                  <th scope="col">{t('decl.answer')}</th>
                </tr>
              </thead>
              <tbody>
                {content.listAnswers.map((a) => (
                  <tr key={a.path}>
                    <td>{a.list}</td>
                    <td>{optional(a.category)}</td>
                    <td>{optional(a.threshold)}</td>
                    <td>{a.answer === 'yes' ? <strong>{t('decl.yes')}</strong> : t('decl.no')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}

      <h3>{t('decl.warnings')}</h3>
      {content.warnings.length === 0 ? (
        <p class="muted">{t('decl.noWarnings')}</p>
      ) : (
        <ul>
          {content.warnings.map((w, i) => (
            <li key={i}>
              <code>{w.path}</code>: <span lang="en">{w.message}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The product's findings after the upload (screening runs before the upload answers), marking those this file raised. */
export function ScreeningResult({ productId, documentId, kind }: { productId: string; documentId: string; kind: 'sds' | 'declaration' }) {
  const { t } = useT(messages);
  const me = useMe();
  const findings = useAsync(
    (signal) => api<FindingPage>(`/findings${queryString({ productId, limit: 100 })}`, { signal }),
    [productId, documentId],
  );
  return (
    <section aria-labelledby="screening-heading">
      <h2 id="screening-heading">{t('screening.title')}</h2>
      <Loaded state={findings}>
        {(page) =>
          page.total === 0 ? (
            <p class="notice ok">{t('screening.none')}</p>
          ) : (
            <>
              <p>{t('screening.some', { n: page.total })}</p>
              <div class="table-scroll">
                <table>
                  <thead>
                    <tr>
                      <th scope="col">{t('col.severity')}</th>
                      <th scope="col">{t('col.substance')}</th>
                      <th scope="col">{t('col.list')}</th>
                      <th scope="col">{t('col.status')}</th>
                      <th scope="col">{t('doc.source')}</th>
                      <th scope="col">{t('col.details')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {page.items.map((f) => {
                      const substance = f.substance.name ?? f.substance.cas ?? t('unnamedSubstance');
                      return (
                        <tr key={f.id}>
                          <td>
                            <SeverityBadge severity={f.severity} />
                          </td>
                          <td>
                            {substance}
                            {f.substance.cas && f.substance.name && <div class="muted small">CAS {f.substance.cas}</div>}
                          </td>
                          <td>{f.list.name}</td>
                          <td>{t(`status.${f.status}`)}</td>
                          <td>
                            {f.evidence?.documentId === documentId
                              ? t('screening.thisFile')
                              : f.evidence
                                ? `${t('screening.otherDocument')} (${t(f.evidence.source === 'sds' ? 'doc.sds' : 'doc.declaration')})`
                                : '–'}
                          </td>
                          <td>
                            <a href={href(`/findings/${f.id}`)}>
                              {t('findings.view')}
                              <span class="visually-hidden"> {t('findings.viewAbout', { substance })}</span>
                            </a>
                            {kind === 'sds' && me.role === 'supplier' && f.status === 'substitution-requested' && (
                              <div>
                                <a href={href('/my/findings', { status: f.status, product: productId, answer: f.id, document: documentId })}>{t('screening.answerWith')}</a>
                              </div>
                            )}
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </div>
            </>
          )
        }
      </Loaded>
    </section>
  );
}
