// The contract list (#/contracts): every framework agreement the caller may see, each opening its follow-up.
import { useState } from 'preact/hooks';
import { api, query } from '../../api.js';
import { Loaded, PageTitle, Pager, useAsync } from '../../components/ui.js';
import { formatNumber, useT } from '../../i18n/index.js';
import { href } from '../../router.js';
import './contracts.css';
import { messages } from './messages.js';
import { formatDay, localToday } from './parts.js';
import type { Contract, ContractPage } from './types.js';

const PAGE_SIZE = 25;

export function ContractsPage() {
  const { t, lang } = useT(messages);
  const [offset, setOffset] = useState(0);
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  const state = useAsync((signal) => api<ContractPage>(`/contracts${query({ q, limit: PAGE_SIZE, offset })}`, { signal }), [q, offset]);
  const today = localToday();

  const validity = (contract: Contract): string =>
    contract.validTo < today ? t('contracts.ended') : contract.validFrom > today ? t('contracts.notYet') : t('contracts.active');

  return (
    <div class="contract-pages">
      <PageTitle>{t('contracts.title')}</PageTitle>
      <p>{t('contracts.intro')}</p>
      <form
        class="contracts-search"
        role="search"
        onSubmit={(event) => {
          event.preventDefault();
          setOffset(0);
          setQ(text.trim());
        }}
      >
        <div>
          <label for="contracts-q">{t('contracts.search')}</label>
          <input id="contracts-q" type="search" value={text} onInput={(event) => setText(event.currentTarget.value)} />
        </div>
        <button type="submit">{t('contracts.searchButton')}</button>
      </form>
      <Loaded state={state}>
        {(page) =>
          page.total === 0 ? (
            <p class="notice">{t('contracts.none')}</p>
          ) : (
            <>
              <div class="table-scroll">
                <table>
                  <caption>{t('contracts.caption', { total: formatNumber(page.total, lang) })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('contracts.number')}</th>
                      <th scope="col">{t('contracts.name')}</th>
                      <th scope="col">{t('contracts.buyer')}</th>
                      <th scope="col">{t('contracts.validity')}</th>
                      <th scope="col" class="number">{t('contracts.suppliers')}</th>
                      <th scope="col">{t('contracts.category')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {page.items.map((contract) => (
                      <tr key={contract.id}>
                        <th scope="row">
                          <a href={href(`/contracts/${encodeURIComponent(contract.id)}`)}>{contract.number}</a>
                        </th>
                        <td>{contract.title}</td>
                        <td>{contract.buyer}</td>
                        <td>
                          {formatDay(contract.validFrom, lang)} – {formatDay(contract.validTo, lang)}
                          <span class="contract-state">{validity(contract)}</span>
                        </td>
                        <td class="number">{formatNumber(contract.supplierIds.length, lang)}</td>
                        <td>{contract.category}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <Pager total={page.total} limit={page.limit} offset={page.offset} onOffset={setOffset} />
            </>
          )
        }
      </Loaded>
    </div>
  );
}
