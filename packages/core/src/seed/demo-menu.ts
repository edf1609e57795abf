import type { TDietaryTag, TMenuItemKind } from '../menu/menu.schema';

/** A menu item of the demo, priced per currency (minor units). */
export type DemoMenuTemplate = {
  name: string;
  description: string;
  kind: TMenuItemKind;
  price: { USD: number; GBP: number };
  dietaryTags: TDietaryTag[];
  /** How often a guest's protein choice, or an event, takes it (the seed's bookings). */
  weight: number;
};

/** The menu every demo station serves, as the caterers whose menus we read price it. */
export const DEMO_MENU: readonly DemoMenuTemplate[] = [
  {
    name: 'Chicken',
    description: 'Teriyaki-glazed chicken thigh',
    kind: 'PROTEIN',
    price: { USD: 0, GBP: 0 },
    dietaryTags: ['gluten-free'],
    weight: 30,
  },
  {
    name: 'NY strip steak',
    description: 'Garlic-butter sirloin, cooked to order',
    kind: 'PROTEIN',
    price: { USD: 0, GBP: 0 },
    dietaryTags: ['gluten-free'],
    weight: 25,
  },
  {
    name: 'Shrimp',
    description: 'Tiger shrimp with lemon and butter',
    kind: 'PROTEIN',
    price: { USD: 0, GBP: 0 },
    dietaryTags: ['contains-shellfish', 'gluten-free'],
    weight: 20,
  },
  {
    name: 'Salmon',
    description: 'Atlantic salmon, sesame glaze',
    kind: 'PROTEIN',
    price: { USD: 0, GBP: 0 },
    dietaryTags: ['contains-fish'],
    weight: 8,
  },
  {
    name: 'Tofu',
    description: 'Crispy tofu with seasonal vegetables',
    kind: 'PROTEIN',
    price: { USD: 0, GBP: 0 },
    dietaryTags: ['vegetarian', 'vegan', 'contains-soy'],
    weight: 6,
  },
  {
    name: 'Filet mignon',
    description: 'Upgrade a protein to tenderloin',
    kind: 'UPGRADE',
    price: { USD: 1000, GBP: 1200 },
    dietaryTags: ['gluten-free'],
    weight: 6,
  },
  {
    name: 'Lobster tail',
    description: 'Upgrade a protein to a cold-water lobster tail',
    kind: 'UPGRADE',
    price: { USD: 1500, GBP: 1600 },
    dietaryTags: ['contains-shellfish'],
    weight: 4,
  },
  {
    name: 'Scallops',
    description: 'Upgrade a protein to seared sea scallops',
    kind: 'UPGRADE',
    price: { USD: 800, GBP: 900 },
    dietaryTags: ['contains-shellfish', 'gluten-free'],
    weight: 1,
  },
  {
    name: 'Yakisoba noodles',
    description: 'A portion of stir-fried noodles',
    kind: 'EXTRA',
    price: { USD: 500, GBP: 450 },
    dietaryTags: ['contains-soy'],
    weight: 30,
  },
  {
    name: 'Extra protein',
    description: 'A third protein for a hungry guest',
    kind: 'EXTRA',
    price: { USD: 1200, GBP: 1000 },
    dietaryTags: [],
    weight: 12,
  },
  {
    name: 'Gyoza platter',
    description: 'Two dozen pan-fried pork dumplings for the table',
    kind: 'ADDON',
    price: { USD: 4500, GBP: 3500 },
    dietaryTags: ['contains-soy'],
    weight: 25,
  },
  {
    name: 'Edamame bowl',
    description: 'Sea-salted edamame for the table',
    kind: 'ADDON',
    price: { USD: 2000, GBP: 1500 },
    dietaryTags: ['vegan', 'gluten-free'],
    weight: 15,
  },
  {
    name: "Kids' chicken and rice",
    description: 'A smaller plate for under-12s',
    kind: 'KIDS',
    price: { USD: 0, GBP: 0 },
    dietaryTags: ['gluten-free'],
    weight: 70,
  },
  {
    name: "Kids' shrimp and noodles",
    description: 'A smaller plate for under-12s',
    kind: 'KIDS',
    price: { USD: 0, GBP: 0 },
    dietaryTags: ['contains-shellfish'],
    weight: 30,
  },
];

/** London prices by postcode zone (no offline dataset covers UK postcodes). */
export const LONDON_ZONES = [
  ...['EC', 'WC', 'W1', 'SW1', 'SE1', 'N1', 'E1', 'NW1'].map((prefix) => ({
    prefix,
    label: 'central London',
    feeCents: 0,
  })),
  ...['E', 'N', 'NW', 'SE', 'SW', 'W'].map((prefix) => ({
    prefix,
    label: 'greater London',
    feeCents: 1500,
  })),
  ...['BR', 'CR', 'DA', 'EN', 'HA', 'IG', 'KT', 'RM', 'SM', 'TW', 'UB'].map((prefix) => ({
    prefix,
    label: 'outer London',
    feeCents: 3500,
  })),
] as const;

/** Postcodes of the demo's London events: central, greater and outer London. */
export const LONDON_POSTCODES = [
  'EC1A 1BB',
  'WC2N 5DU',
  'W1D 3QF',
  'SW1A 2AA',
  'SE1 7PB',
  'N1 9GU',
  'E1 6AN',
  'E17 4PP',
  'N16 0AS',
  'SW19 5AE',
  'SE10 9NF',
  'W5 5EH',
  'HA0 1AB',
  'TW9 1DN',
  'KT1 1EU',
  'BR1 1AA',
] as const;

/** ZIP codes of the demo's Seattle events: the city, the Eastside and down to Tacoma. */
export const SEATTLE_ZIPS = [
  '98101',
  '98103',
  '98105',
  '98109',
  '98115',
  '98122',
  '98004',
  '98033',
  '98052',
  '98075',
  '98201',
  '98375',
  '98402',
] as const;
