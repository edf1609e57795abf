'use client';

import { dietaryLabel, type TMenuItemKind } from '@hibachi/core/menu/menu-labels';
import { formatMoney, type MoneyFormat } from './format';
import { proteinsChosen, withoutProteins, type Choices, type PickerItem } from './menu-choices';

type Props = {
  /** Prefix of the element ids (two pickers never share a page, but a test may mount two). */
  id: string;
  items: readonly PickerItem[];
  money: MoneyFormat;
  party: { adults: number; children: number };
  proteinsPerAdult: number;
  choices: Choices;
  onChange: (choices: Choices) => void;
  decideLater: boolean;
  onDecideLater: (later: boolean) => void;
  /** Until when the party may still change its choices, as words ("Friday, 4 December"). */
  lockText?: string;
  issues: readonly string[];
};

const SECTIONS: { kinds: TMenuItemKind[]; title: string; hint: (props: Props) => string }[] = [
  {
    kinds: ['PROTEIN', 'UPGRADE'],
    title: 'Proteins',
    hint: ({ party, proteinsPerAdult }) =>
      `${proteinsPerAdult} for each adult: ${party.adults * proteinsPerAdult} choices in all. Upgrades replace a choice.`,
  },
  {
    kinds: ['KIDS'],
    title: "Children's plates",
    hint: ({ party }) => `Up to one for each child (${party.children}).`,
  },
  { kinds: ['EXTRA'], title: 'Extras', hint: () => 'Charged per portion.' },
  { kinds: ['ADDON'], title: 'For the table', hint: () => 'Charged once per event.' },
];

function priceText(item: PickerItem, money: MoneyFormat): string {
  if (item.priceCents === 0) return 'Included';
  const price = formatMoney(item.priceCents, money);
  if (item.kind === 'UPGRADE' || item.kind === 'KIDS') return `+${price} per choice`;
  if (item.kind === 'EXTRA') return `${price} each`;
  return `${price} per event`;
}

/**
 * The party's choices as counts per item: steppers for proteins, plates and extras (typing a
 * number works too), a checkbox per add-on. The proteins can be left for later; the issues
 * come from the same rule the API applies.
 */
export function MenuPicker(props: Props) {
  const { id, items, money, choices, onChange, decideLater, onDecideLater, issues } = props;
  const wanted = props.party.adults * props.proteinsPerAdult;
  const chosen = proteinsChosen(items, choices);
  const set = (item: PickerItem, count: number) => {
    const ceiling = item.retired ? (item.held ?? 0) : item.kind === 'ADDON' ? 1 : 200;
    const next = Math.max(0, Math.min(ceiling, Math.round(count)));
    onChange({ ...choices, [item.id]: Number.isFinite(next) ? next : 0 });
  };

  return (
    <div className="menu-picker">
      {issues.length > 0 ? (
        <ul className="field-error menu-issues" role="alert" id={`${id}-issues`}>
          {issues.map((issue) => (
            <li key={issue}>{issue}</li>
          ))}
        </ul>
      ) : null}
      {SECTIONS.map((section) => {
        const sectionItems = items.filter((item) => section.kinds.includes(item.kind));
        if (sectionItems.length === 0) return null;
        if (section.kinds.includes('KIDS') && props.party.children === 0) return null;
        const proteins = section.kinds.includes('PROTEIN');
        const headingId = `${id}-${section.title.replace(/\W+/g, '-').toLowerCase()}`;
        return (
          <fieldset key={section.title} className="menu-section" aria-labelledby={headingId}>
            <legend id={headingId}>
              {section.title}
              {proteins && !decideLater ? (
                <span
                  className={`menu-count${chosen === wanted ? ' done' : ''}`}
                  aria-live="polite"
                >
                  {chosen} of {wanted} chosen
                </span>
              ) : null}
            </legend>
            <p className="muted small">{section.hint(props)}</p>
            {proteins && props.proteinsPerAdult > 0 ? (
              <label className="field-inline">
                <input
                  type="checkbox"
                  checked={decideLater}
                  onChange={(event) => {
                    onDecideLater(event.target.checked);
                    if (event.target.checked) onChange(withoutProteins(items, choices));
                  }}
                />{' '}
                Decide the proteins later{props.lockText ? ` (until ${props.lockText})` : ''}
              </label>
            ) : null}
            <ul className="menu-items">
              {sectionItems.map((item) => {
                const count = choices[item.id] ?? 0;
                const disabled = proteins && decideLater;
                const inputId = `${id}-item-${item.id}`;
                return (
                  <li key={item.id} className={`menu-item${count > 0 ? ' chosen' : ''}`}>
                    <div className="menu-item-text">
                      <label htmlFor={inputId} className="menu-item-name">
                        {item.name}
                      </label>
                      <span className="menu-item-price">{priceText(item, money)}</span>
                      {item.description ? (
                        <span className="muted small">{item.description}</span>
                      ) : null}
                      {item.retired ? (
                        <span className="muted small">No longer offered: you may keep yours.</span>
                      ) : null}
                      {item.dietaryTags.length > 0 ? (
                        <span className="tags">
                          {item.dietaryTags.map((tag) => (
                            <span key={tag} className="tag">
                              {dietaryLabel(tag)}
                            </span>
                          ))}
                        </span>
                      ) : null}
                    </div>
                    {item.kind === 'ADDON' ? (
                      <input
                        id={inputId}
                        type="checkbox"
                        className="menu-addon"
                        checked={count > 0}
                        disabled={item.retired && !item.held}
                        onChange={(event) => set(item, event.target.checked ? 1 : 0)}
                      />
                    ) : (
                      <span className="stepper">
                        <button
                          type="button"
                          className="stepper-button"
                          aria-label={`One fewer ${item.name}`}
                          disabled={disabled || count === 0}
                          onClick={() => set(item, count - 1)}
                        >
                          −
                        </button>
                        <input
                          id={inputId}
                          type="number"
                          inputMode="numeric"
                          min={0}
                          value={count}
                          disabled={disabled}
                          onChange={(event) => set(item, Number(event.target.value))}
                        />
                        <button
                          type="button"
                          className="stepper-button"
                          aria-label={`One more ${item.name}`}
                          disabled={disabled || (item.retired && count >= (item.held ?? 0))}
                          onClick={() => set(item, count + 1)}
                        >
                          +
                        </button>
                      </span>
                    )}
                  </li>
                );
              })}
            </ul>
          </fieldset>
        );
      })}
    </div>
  );
}
