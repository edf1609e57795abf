'use client';

import {
  DIETARY_LABELS,
  DIETARY_TAGS,
  MENU_ITEM_KINDS,
  MENU_KIND_LABELS,
  type TDietaryTag,
  type TMenuItem,
} from '@hibachi/core/menu/menu.schema';
import { fromMajorUnits, toMajorUnits } from '@hibachi/web/format';
import { FieldError } from '@/components/form-messages';
import { fieldAttributes } from '@/lib/form-helpers';

export type MenuItemFields = {
  name: string;
  description: string;
  kind: TMenuItem['kind'];
  priceCents: number;
  dietaryTags: TDietaryTag[];
  sortOrder: number;
};

const isDietaryTag = (value: unknown): value is TDietaryTag =>
  typeof value === 'string' && (DIETARY_TAGS as readonly string[]).includes(value);

/**
 * One menu item's fields (new or edited): checked by the API's own schema before sending (the
 * typed client) and by the API; messages sit next to their fields.
 */
export function MenuItemForm({
  id,
  item,
  currency,
  errors,
  busy,
  submitLabel,
  onSubmit,
  onCancel,
}: {
  id: string;
  item?: TMenuItem;
  currency: string;
  errors: Record<string, string>;
  busy: boolean;
  submitLabel: string;
  onSubmit: (fields: MenuItemFields, form: HTMLFormElement) => void;
  onCancel?: () => void;
}) {
  const attributes = fieldAttributes(errors, id);
  return (
    <form
      className="menu-item-form"
      noValidate
      aria-label={item ? `Edit ${item.name}` : 'New menu item'}
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        const text = (name: string) => {
          const value = data.get(name);
          return typeof value === 'string' ? value : '';
        };
        onSubmit(
          {
            name: text('name'),
            description: text('description'),
            kind: text('kind') as TMenuItem['kind'],
            priceCents: text('price').trim() === '' ? 0 : fromMajorUnits(text('price'), currency),
            dietaryTags: data.getAll('dietaryTags').filter(isDietaryTag),
            sortOrder: Number(text('sortOrder') || 0),
          },
          event.currentTarget,
        );
      }}
    >
      <div className="field-row">
        <div className="field">
          <label htmlFor={`${id}-name`}>Dish</label>
          <input
            id={`${id}-name`}
            defaultValue={item?.name}
            maxLength={80}
            {...attributes('name')}
          />
          <FieldError errors={errors} name="name" prefix={id} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-kind`}>Kind</label>
          <select id={`${id}-kind`} defaultValue={item?.kind ?? 'PROTEIN'} {...attributes('kind')}>
            {MENU_ITEM_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {MENU_KIND_LABELS[kind]}
              </option>
            ))}
          </select>
          <FieldError errors={errors} name="kind" prefix={id} />
        </div>
      </div>
      <div className="field-row">
        <div className="field">
          <label htmlFor={`${id}-price`}>Price ({currency})</label>
          <input
            id={`${id}-price`}
            inputMode="decimal"
            defaultValue={item ? toMajorUnits(item.priceCents, currency) : ''}
            placeholder="0 for an included protein"
            {...attributes('price')}
            aria-invalid={errors.priceCents ? true : undefined}
            aria-describedby={errors.priceCents ? `${id}-priceCents-error` : undefined}
          />
          <FieldError errors={errors} name="priceCents" prefix={id} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-order`}>Order on the menu</label>
          <input
            id={`${id}-order`}
            inputMode="numeric"
            defaultValue={item?.sortOrder ?? 0}
            {...attributes('sortOrder')}
          />
          <FieldError errors={errors} name="sortOrder" prefix={id} />
        </div>
      </div>
      <div className="field">
        <label htmlFor={`${id}-description`}>Description (optional)</label>
        <input
          id={`${id}-description`}
          defaultValue={item?.description}
          maxLength={300}
          {...attributes('description')}
        />
        <FieldError errors={errors} name="description" prefix={id} />
      </div>
      <fieldset className="tag-choices">
        <legend>Dietary notes</legend>
        {DIETARY_TAGS.map((tag) => (
          <label key={tag} className="checkbox">
            <input
              type="checkbox"
              name="dietaryTags"
              value={tag}
              defaultChecked={item?.dietaryTags.includes(tag) ?? false}
            />{' '}
            {DIETARY_LABELS[tag]}
          </label>
        ))}
      </fieldset>
      <div className="actions">
        {onCancel ? (
          <button type="button" className="button secondary" onClick={onCancel} disabled={busy}>
            Cancel
          </button>
        ) : null}
        <button type="submit" className="button" disabled={busy}>
          {busy ? 'Saving…' : submitLabel}
        </button>
      </div>
    </form>
  );
}
