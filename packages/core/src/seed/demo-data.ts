/** The ten demo stations: different time zones, prices and policies. */
export const DEMO_STATIONS = [
  {
    slug: 'new-york',
    name: 'New York',
    timezone: 'America/New_York',
    adult: 6500,
    child: 3000,
    minimum: 65000,
    deposit: 10000,
  },
  {
    slug: 'chicago',
    name: 'Chicago',
    timezone: 'America/Chicago',
    adult: 5500,
    child: 2500,
    minimum: 55000,
    deposit: 10000,
  },
  {
    slug: 'denver',
    name: 'Denver',
    timezone: 'America/Denver',
    adult: 5500,
    child: 2500,
    minimum: 50000,
    deposit: 7500,
  },
  {
    slug: 'phoenix',
    name: 'Phoenix',
    timezone: 'America/Phoenix',
    adult: 5000,
    child: 2500,
    minimum: 50000,
    deposit: 7500,
  },
  {
    slug: 'los-angeles',
    name: 'Los Angeles',
    timezone: 'America/Los_Angeles',
    adult: 6000,
    child: 3000,
    minimum: 60000,
    deposit: 10000,
  },
  {
    slug: 'seattle',
    name: 'Seattle',
    timezone: 'America/Los_Angeles',
    adult: 6000,
    child: 3000,
    minimum: 55000,
    deposit: 10000,
    // Free within 20 miles of downtown, $2 a mile beyond, up to 100 miles out.
    travel: { origin: '98101', freeMiles: 20, feePerMileCents: 200, maxMiles: 100 },
  },
  {
    slug: 'miami',
    name: 'Miami',
    timezone: 'America/New_York',
    adult: 6000,
    child: 3000,
    minimum: 60000,
    deposit: 10000,
  },
  {
    slug: 'anchorage',
    name: 'Anchorage',
    timezone: 'America/Anchorage',
    adult: 7000,
    child: 3500,
    minimum: 70000,
    deposit: 15000,
  },
  {
    slug: 'honolulu',
    name: 'Honolulu',
    timezone: 'Pacific/Honolulu',
    adult: 7500,
    child: 3500,
    minimum: 75000,
    deposit: 15000,
  },
  {
    slug: 'london',
    name: 'London',
    timezone: 'Europe/London',
    // In pence: £55 an adult, a £550 minimum, a £100 deposit; travel by postcode zone.
    adult: 5500,
    child: 2500,
    minimum: 55000,
    deposit: 10000,
    money: { currency: 'GBP', locale: 'en-GB', country: 'GB' },
  },
] as const;

export const FIRST_NAMES = [
  'Aiko',
  'Ben',
  'Carmen',
  'Dev',
  'Elena',
  'Farah',
  'Gus',
  'Hana',
  'Ivan',
  'Jada',
  'Kenji',
  'Lena',
  'Marco',
  'Nia',
  'Omar',
  'Priya',
  'Quinn',
  'Rosa',
  'Sam',
  'Tariq',
  'Uma',
  'Victor',
  'Wen',
  'Yusuf',
  'Zoe',
] as const;

export const LAST_NAMES = [
  'Abe',
  'Brooks',
  'Chen',
  'Diaz',
  'Evans',
  'Fischer',
  'Garcia',
  'Hughes',
  'Ito',
  'Jensen',
  'Kim',
  'Lopez',
  'Moreau',
  'Nakamura',
  'Okafor',
  'Patel',
  'Rossi',
  'Silva',
  'Tanaka',
  'Ueda',
  'Vega',
  'Walsh',
] as const;

export const CHEF_NAMES = [
  'Chef Hiro',
  'Chef Maya',
  'Chef Kai',
  'Chef Rina',
  'Chef Taro',
  'Chef Luis',
  'Chef Sora',
  'Chef Ana',
  'Chef Ken',
  'Chef Mei',
  'Chef Jun',
  'Chef Lia',
] as const;

/** Calendar colours with enough contrast on white for chef labels. */
export const CHEF_COLORS = [
  '#c2410c',
  '#1d4ed8',
  '#15803d',
  '#7e22ce',
  '#b91c1c',
  '#0f766e',
] as const;

export const STREETS = [
  'Maple Ave',
  'Oak St',
  'Harbor Rd',
  'Sunset Blvd',
  'Pine Ln',
  'Lake Dr',
  'Hill Ct',
] as const;

export const SPECIAL_REQUESTS = [
  'Birthday party, please bring the onion volcano!',
  'One guest has a shellfish allergy.',
  'Vegetarian option for two guests.',
  'Anniversary dinner, keep it low-key.',
  'Kids love the egg toss.',
] as const;

export const DEMO_PASSWORD = 'demo-password-123';
export const SUPER_ADMIN_EMAIL = 'admin@demo.hibachi.test';
export const managerEmail = (slug: string) => `manager@${slug}.demo.hibachi.test`;
export const staffEmail = (slug: string) => `staff@${slug}.demo.hibachi.test`;
/** Each station's first chef (by name) signs in as this CHEF account. */
export const chefEmail = (slug: string) => `chef@${slug}.demo.hibachi.test`;
