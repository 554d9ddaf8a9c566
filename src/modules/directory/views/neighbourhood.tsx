import type { MessageKey } from '../../../platform/i18n/i18n.ts';
import {
  Button,
  EmptyState,
  ErrorSummary,
  SelectField,
  TextAreaField,
  type FormState,
  one,
} from '../../../platform/views/components.tsx';
import type { PageContext } from '../../../platform/views/page-context.ts';
import { needCodes } from '../../../platform/vocabularies.ts';
import { neighbourhoodStatuses } from '../directory.table.ts';

interface Partner {
  id: string;
  name: string;
  kind: string;
  km: number;
  status: string | null;
  note: string | null;
  services: { id: string; name: string; need_codes: string[] }[];
}

const km = (n: number) => (Math.round(n * 10) / 10).toLocaleString('nl-BE');

export function NeighbourhoodPage(props: {
  ctx: PageContext;
  schools: { id: string; name: string }[];
  school: { id: string; name: string } | null;
  distance: string;
  distances: readonly string[];
  partners: Partner[];
}) {
  const { ctx, school } = props;
  const { t } = ctx;
  if (!school) {
    return (
      <section>
        <h1>{t('neighbourhood.title')}</h1>
        <EmptyState title={t('neighbourhood.noSchool')}>
          <p>{t('neighbourhood.noSchoolHelp')}</p>
          <p>
            <a href="/sociale-kaart">{t('directory.backToSearch')}</a>
          </p>
        </EmptyState>
      </section>
    );
  }
  const markLabel = (status: string | null) =>
    status ? t(`neighbourhood.status.${status}` as MessageKey) : t('neighbourhood.status.none');
  return (
    <section>
      <h1>{t('neighbourhood.title')}</h1>
      <p>{t('neighbourhood.intro')}</p>
      <form method="get" action="/sociale-kaart/ken-je-buurt" class="inline-form">
        <SelectField
          name="school"
          label={t('neighbourhood.school')}
          options={props.schools.map((s) => ({ value: s.id, label: s.name }))}
          value={school.id}
        />
        <SelectField
          name="afstand"
          label={t('neighbourhood.distance')}
          options={props.distances.map((d) => ({ value: d, label: t('neighbourhood.km', { km: d }) }))}
          value={props.distance}
        />
        <Button variant="secondary">{t('neighbourhood.show')}</Button>
      </form>
      <p class="field-hint">{t('neighbourhood.private')}</p>
      {props.partners.length === 0 ? (
        <EmptyState title={t('neighbourhood.none', { km: props.distance })} />
      ) : (
        needCodes.map((need) => {
          const partners = props.partners.filter((p) => p.services.some((s) => s.need_codes.includes(need)));
          if (partners.length === 0) return null;
          return (
            <section key={need} aria-labelledby={`need-${need}`}>
              <h2 id={`need-${need}`}>{t(`need.${need}` as MessageKey)}</h2>
              <div class="table-wrap">
                <table>
                  <caption class="visually-hidden">
                    {t('neighbourhood.caption', { need: t(`need.${need}` as MessageKey) })}
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('neighbourhood.partner')}</th>
                      <th scope="col">{t('neighbourhood.services')}</th>
                      <th scope="col">{t('neighbourhood.away')}</th>
                      <th scope="col">{t('neighbourhood.mark')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {partners.map((p) => (
                      <tr key={p.id}>
                        <th scope="row">
                          <a href={`/sociale-kaart/organisaties/${p.id}`}>{p.name}</a>
                        </th>
                        <td>
                          {p.services
                            .filter((s) => s.need_codes.includes(need))
                            .map((s, i) => (
                              <span key={s.id}>
                                {i > 0 ? ', ' : ''}
                                <a href={`/sociale-kaart/aanbod/${s.id}`}>{s.name}</a>
                              </span>
                            ))}
                        </td>
                        <td>{t('neighbourhood.km', { km: km(p.km) })}</td>
                        <td>
                          {markLabel(p.status)}
                          {p.note ? <span class="mark-note"> — {p.note}</span> : null}{' '}
                          <a
                            href={`/sociale-kaart/ken-je-buurt/${school.id}/${p.id}?afstand=${props.distance}`}
                          >
                            {t('neighbourhood.change')}
                            <span class="visually-hidden"> {p.name}</span>
                          </a>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </section>
          );
        })
      )}
    </section>
  );
}

export function MarkPage(props: {
  ctx: PageContext;
  school: { id: string; name: string };
  partner: { id: string; name: string };
  distance: string;
  form: FormState;
}) {
  const { ctx, school, partner, form } = props;
  const { t } = ctx;
  const back = `/sociale-kaart/ken-je-buurt?school=${school.id}&afstand=${props.distance}`;
  return (
    <section class="narrow">
      <p>
        <a href={back}>{t('neighbourhood.back')}</a>
      </p>
      <h1>{t('neighbourhood.markTitle', { partner: partner.name })}</h1>
      <p>{t('neighbourhood.markIntro', { school: school.name })}</p>
      <ErrorSummary ctx={ctx} errors={form.errors} />
      <form method="post" action={`/sociale-kaart/ken-je-buurt/${school.id}/${partner.id}`} novalidate>
        <input type="hidden" name="_csrf" value={ctx.csrfToken} />
        <input type="hidden" name="afstand" value={props.distance} />
        <SelectField
          name="status"
          label={t('neighbourhood.mark')}
          options={neighbourhoodStatuses.map((s) => ({
            value: s,
            label: t(`neighbourhood.status.${s}` as MessageKey),
          }))}
          value={one(form.values.status)}
          error={form.errors?.status}
        />
        <TextAreaField
          name="note"
          label={t('neighbourhood.note')}
          hint={t('neighbourhood.noteHint')}
          value={one(form.values.note)}
          error={form.errors?.note}
        />
        <Button>{t('form.save')}</Button>
      </form>
    </section>
  );
}
