'use client';

import { useState } from 'react';
import type { TPublicMenu } from '@hibachi/core/stations/station.schema';
import { useApiForm } from '@hibachi/web/use-api-form';
import { WidgetBoundary } from '@hibachi/web/widget-boundary';
import { MenuPicker } from '@hibachi/web/menu-picker';
import { choiceIssues, pickerItems, toSelection, type Choices } from '@hibachi/web/menu-choices';
import { toLockText } from './lock-text';
import type { DetailsValues, Selection } from './booking-form';
import { QuotePanel } from './quote-panel';

type Props = {
  menu: TPublicMenu;
  selection: Selection;
  details: DetailsValues;
  choices: Choices;
  decideLater: boolean;
  onChange: (next: { choices?: Choices; decideLater?: boolean }) => void;
  onBack: () => void;
  onContinue: () => void;
};

/**
 * What the party eats, as counts: the chef buys for them. Proteins may be left for later
 * (the manage page takes them until the menu lock); the price follows every change.
 */
export function MenuStep({
  menu,
  selection,
  details,
  choices,
  decideLater,
  onChange,
  onBack,
  onContinue,
}: Props) {
  const [submitted, setSubmitted] = useState(false);
  const party = { adults: Number(details.adults), children: Number(details.children || 0) };
  const items = pickerItems(menu.items);
  const issues = choiceIssues({ items, choices, party, proteinsPerAdult: menu.proteinsPerAdult });
  const wanted = party.adults * menu.proteinsPerAdult;
  const chosen = items
    .filter((item) => item.kind === 'PROTEIN' || item.kind === 'UPGRADE')
    .reduce((sum, item) => sum + (choices[item.id] ?? 0), 0);
  // While choosing, "choose 16 proteins" is progress, not an error: it shows on Continue.
  const shown = submitted ? issues : issues.filter(() => chosen > wanted);
  const incomplete = !decideLater && chosen !== wanted && menu.proteinsPerAdult > 0;
  // The choices are the picker's state, not form fields: the form only says "continue".
  const { formProps } = useApiForm<Record<string, never>, null>({
    id: 'menu',
    toInput: () => null,
    onValid: () => {
      setSubmitted(true);
      if (issues.length > 0 || incomplete) {
        document.getElementById('menu-heading')?.focus();
        return;
      }
      onContinue();
    },
  });

  return (
    <form {...formProps} className="step details-layout" aria-labelledby="menu-heading">
      <div>
        <h2 id="menu-heading" tabIndex={-1}>
          Your menu
        </h2>
        <p className="muted">
          Every guest gets fried rice, vegetables and the show. Choose the proteins and anything
          extra; you can change them until {toLockText(menu.menuLockHours)}.
        </p>
        <MenuPicker
          id="wizard-menu"
          items={items}
          money={menu.station}
          party={party}
          proteinsPerAdult={menu.proteinsPerAdult}
          choices={choices}
          onChange={(next) => onChange({ choices: next })}
          decideLater={decideLater}
          onDecideLater={(later) => onChange({ decideLater: later })}
          lockText={toLockText(menu.menuLockHours)}
          issues={
            submitted && incomplete && issues.length === 0
              ? [
                  `Choose ${wanted - chosen} more protein${wanted - chosen === 1 ? '' : 's'}, or decide them later`,
                ]
              : shown
          }
        />
        <div className="actions">
          <button type="button" className="button secondary" onClick={onBack}>
            Back
          </button>
          <button type="submit" className="button">
            Review booking
          </button>
        </div>
      </div>
      <WidgetBoundary title="Price">
        <QuotePanel
          money={menu.station}
          request={{
            station: selection.station,
            durationMinutes: selection.durationMinutes,
            ...party,
            menu: issues.length === 0 ? toSelection(items, choices) : [],
            postalCode: details.address.postalCode,
          }}
        />
      </WidgetBoundary>
    </form>
  );
}
