'use client';

import type { TStationMenu } from '@hibachi/core/menu/menu.schema';
import { MenuPicker } from '@hibachi/web/menu-picker';
import type { Choices, PickerItem } from '@hibachi/web/menu-choices';
import { isParty } from './menu-values';

/**
 * The party's menu as counts (the shared picker of the wizard and the booking page); the
 * proteins may be left for the customer to choose on their booking page until the lock.
 */
export function MenuSection({
  menu,
  items,
  party,
  choices,
  decideLater,
  issues,
  onChange,
}: {
  menu: TStationMenu;
  items: readonly PickerItem[];
  party: { adults: number; children: number };
  choices: Choices;
  decideLater: boolean;
  issues: readonly string[];
  onChange: (next: { choices?: Choices; decideLater?: boolean }) => void;
}) {
  return (
    <section className="card order-section" aria-labelledby="menu-heading">
      <h2 id="menu-heading" tabIndex={-1}>
        Menu
      </h2>
      {isParty(party) ? (
        <MenuPicker
          id="new-booking-menu"
          items={items}
          money={menu.station}
          party={party}
          proteinsPerAdult={menu.proteinsPerAdult}
          choices={choices}
          onChange={(next) => onChange({ choices: next })}
          decideLater={decideLater}
          onDecideLater={(later) => onChange({ decideLater: later })}
          lockText={`${menu.menuLockHours} hours before the event`}
          issues={issues}
        />
      ) : (
        <p className="muted">Enter the party first: the choices follow the number of adults.</p>
      )}
    </section>
  );
}
