'use client';

import {
  DIETARY_LABELS,
  DIETARY_TAGS,
  MENU_ITEM_KINDS,
  MENU_KIND_LABELS,
  type TMenuItem,
} from '@hibachi/core/menu/menu.schema';
import { CheckboxField } from '@hibachi/web/choice-field';
import { Field, MoneyField, SelectField } from '@hibachi/web/field';
import { useApiForm } from '@hibachi/web/use-api-form';
import {
  toMenuItemInput,
  toMenuItemValues,
  type MenuItemInput,
  type MenuItemValues,
} from './menu-item-values';

/**
 * One menu item's fields (new or edited): checked by the API's own schema before sending (the
 * typed client) and by the API; messages sit next to their fields.
 */
export function MenuItemForm({
  id,
  item,
  currency,
  error,
  pending,
  submitLabel,
  onSubmit,
  onCancel,
}: {
  id: string;
  item?: TMenuItem;
  currency: string;
  /** The last refusal of this form's save (its field messages show here). */
  error: unknown;
  pending: boolean;
  submitLabel: string;
  onSubmit: (fields: MenuItemInput) => void;
  onCancel?: () => void;
}) {
  const { fields, formProps } = useApiForm<MenuItemValues, MenuItemInput>({
    id,
    defaultValue: toMenuItemValues(item, currency),
    toInput: (values) => toMenuItemInput(values, currency),
    onValid: onSubmit,
    error,
  });
  const chosenTags = item?.dietaryTags ?? [];
  return (
    <form
      {...formProps}
      className="menu-item-form"
      aria-label={item ? `Edit ${item.name}` : 'New menu item'}
    >
      <div className="field-row">
        <Field field={fields.name} label="Dish" maxLength={80} />
        <SelectField field={fields.kind} label="Kind">
          {MENU_ITEM_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {MENU_KIND_LABELS[kind]}
            </option>
          ))}
        </SelectField>
      </div>
      <div className="field-row">
        <MoneyField
          field={fields.priceCents}
          currency={currency}
          label={`Price (${currency})`}
          placeholder="0 for an included protein"
        />
        <Field field={fields.sortOrder} label="Order on the menu" inputMode="numeric" />
      </div>
      <Field field={fields.description} label="Description (optional)" maxLength={300} />
      <fieldset className="tag-choices">
        <legend>Dietary notes</legend>
        {DIETARY_TAGS.map((tag) => (
          <CheckboxField
            key={tag}
            field={fields.dietaryTags}
            value={tag}
            defaultChecked={chosenTags.includes(tag)}
            label={DIETARY_LABELS[tag]}
          />
        ))}
      </fieldset>
      <div className="actions">
        {onCancel ? (
          <button type="button" className="button secondary" onClick={onCancel} disabled={pending}>
            Cancel
          </button>
        ) : null}
        <button type="submit" className="button" disabled={pending}>
          {pending ? 'Saving…' : submitLabel}
        </button>
      </div>
    </form>
  );
}
