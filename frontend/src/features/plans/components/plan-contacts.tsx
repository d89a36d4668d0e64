import type { Plan } from '../api/plans';
import '../plans.css';

/** 「電話 0942-30-9173」: a number the phone can dial (digits and +; what is printed stays as printed). */
function telHref(number: string): string {
  const digits = number.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/[^0-9+]/g, '');
  return `tel:${digits}`;
}

/** 問い合わせ先, as the plan document prints it at its end: each department with its 電話 and FAX. Nothing when none. */
export function PlanContacts({ plan }: { plan: Plan }) {
  if (plan.contacts.length === 0) return null;
  return (
    <section className="contacts" aria-labelledby="contacts-heading">
      <h2 id="contacts-heading">問い合わせ先</h2>
      <ul className="contacts__list">
        {plan.contacts.map((c, i) => (
          <li key={i} className="contacts__item">
            <p className="contacts__department">{c.department}</p>
            {c.phone && (
              <p>
                電話 <a href={telHref(c.phone)}>{c.phone}</a>
              </p>
            )}
            {c.fax && <p>FAX {c.fax}</p>}
          </li>
        ))}
      </ul>
    </section>
  );
}
