'use client';

import type {
  BookingKpis,
  MenuAnalytics,
  PaymentAnalytics,
} from '@hibachi/core/analytics/analytics.schema';
import { formatLocalDate, formatMoney } from '@hibachi/web/format';
import {
  Area,
  AreaChart,
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  Legend,
  Pie,
  PieChart,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';

import { Figure } from './figure';

// Loaded with next/dynamic by the dashboard only: no other admin page pays for recharts.

const METHOD_COLOURS: Record<string, string> = {
  CARD: '#b91c1c',
  CASH: '#15803d',
  CHECK: '#1d4ed8',
};
const METHOD_LABELS: Record<string, string> = { CARD: 'Card', CASH: 'Cash', CHECK: 'Check' };
const shortDate = (date: string) => formatLocalDate(date, { month: 'short', day: 'numeric' });
const monthLabel = (month: string) =>
  formatLocalDate(`${month}-01`, { month: 'short', year: 'numeric' });

export function DailyChart({ kpis }: { kpis: BookingKpis }) {
  const money = kpis;
  return (
    <Figure
      title="Bookings and revenue per day"
      description="Events per local day and the confirmed revenue they bring"
      chart={
        <AreaChart data={kpis.perDay} margin={{ top: 8, right: 12, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#e7e5e4" />
          <XAxis dataKey="date" tickFormatter={shortDate} minTickGap={24} fontSize={12} />
          <YAxis yAxisId="bookings" allowDecimals={false} width={36} fontSize={12} />
          <YAxis
            yAxisId="revenue"
            orientation="right"
            tickFormatter={(cents: number) => formatMoney(cents, money)}
            width={72}
            fontSize={12}
          />
          <Tooltip
            labelFormatter={(date) => (typeof date === 'string' ? formatLocalDate(date) : '')}
            formatter={(value, name) =>
              name === 'Revenue' ? formatMoney(Number(value), money) : String(value)
            }
          />
          <Legend />
          <Area
            yAxisId="revenue"
            type="monotone"
            dataKey="revenueCents"
            name="Revenue"
            stroke="#b91c1c"
            fill="#fecaca"
            isAnimationActive={false}
          />
          <Area
            yAxisId="bookings"
            type="monotone"
            dataKey="bookings"
            name="Bookings"
            stroke="#1c1917"
            fill="transparent"
            isAnimationActive={false}
          />
        </AreaChart>
      }
      table={{
        head: ['Date', 'Bookings', 'Revenue'],
        rows: kpis.perDay.map((day) => [
          day.date,
          day.bookings,
          formatMoney(day.revenueCents, money),
        ]),
      }}
    />
  );
}

export function MonthlyChart({ payments }: { payments: PaymentAnalytics }) {
  const money = payments;
  return (
    <Figure
      title="Payments per month"
      description="Money taken each month, and what was refunded of it"
      chart={
        <BarChart data={payments.byMonth} margin={{ top: 8, right: 12, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#e7e5e4" />
          <XAxis dataKey="month" tickFormatter={monthLabel} fontSize={12} />
          <YAxis
            tickFormatter={(cents: number) => formatMoney(cents, money)}
            width={72}
            fontSize={12}
          />
          <Tooltip
            labelFormatter={(month) => (typeof month === 'string' ? monthLabel(month) : '')}
            formatter={(value) => formatMoney(Number(value), money)}
          />
          <Legend />
          <Bar
            dataKey="netCents"
            name="Net"
            stackId="money"
            fill="#b91c1c"
            isAnimationActive={false}
          />
          <Bar
            dataKey="refundedCents"
            name="Refunded"
            stackId="money"
            fill="#a8a29e"
            isAnimationActive={false}
          />
        </BarChart>
      }
      table={{
        head: ['Month', 'Gross', 'Refunded', 'Net'],
        rows: payments.byMonth.map((month) => [
          month.month,
          formatMoney(month.grossCents, money),
          formatMoney(month.refundedCents, money),
          formatMoney(month.netCents, money),
        ]),
      }}
    />
  );
}

export function MethodsChart({ payments }: { payments: PaymentAnalytics }) {
  const money = payments;
  const data = payments.byMethod.filter((method) => method.amountCents > 0);
  return (
    <Figure
      title="Payment methods"
      description="Share of the money taken by card, cash and check"
      chart={
        <PieChart>
          <Pie
            data={data}
            dataKey="amountCents"
            nameKey="method"
            innerRadius={55}
            outerRadius={90}
            isAnimationActive={false}
          >
            {data.map((method) => (
              <Cell key={method.method} fill={METHOD_COLOURS[method.method]} />
            ))}
          </Pie>
          <Tooltip
            formatter={(value, name) => [
              formatMoney(Number(value), money),
              METHOD_LABELS[String(name)],
            ]}
          />
          <Legend
            formatter={(value: string) => {
              const method = data.find((entry) => entry.method === value);
              return `${METHOD_LABELS[value] ?? value} ${method?.share === null || !method ? '' : `${Math.round(method.share * 100)}%`}`;
            }}
          />
        </PieChart>
      }
      table={{
        head: ['Method', 'Payments', 'Amount', 'Share'],
        rows: payments.byMethod.map((method) => [
          METHOD_LABELS[method.method] ?? method.method,
          method.count,
          formatMoney(method.amountCents, money),
          method.share === null ? '—' : `${(method.share * 100).toFixed(1)}%`,
        ]),
      }}
    />
  );
}

const KIND_COLOURS: Record<string, string> = {
  PROTEIN: '#b91c1c',
  UPGRADE: '#7e22ce',
  EXTRA: '#c2410c',
  ADDON: '#0f766e',
  KIDS: '#1d4ed8',
};
const KIND_NAMES: Record<string, string> = {
  PROTEIN: 'Protein',
  UPGRADE: 'Upgrade',
  EXTRA: 'Extra',
  ADDON: 'Add-on',
  KIDS: "Children's",
};

export function MenuChart({ menu }: { menu: MenuAnalytics }) {
  const money = menu;
  const data = menu.items.slice(0, 14).map((item) => ({ ...item, label: item.name }));
  const spend =
    menu.averageSpendPerGuestCents === null
      ? 'no events'
      : `${formatMoney(menu.averageSpendPerGuestCents, money)} a guest on average`;
  return (
    <Figure
      title={`Menu choices (${menu.currency})`}
      description={`Portions of each item over ${menu.bookings} events; ${spend}; menu lines brought ${formatMoney(menu.menuRevenueCents, money)}`}
      chart={
        <BarChart data={data} layout="vertical" margin={{ left: 24 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" allowDecimals={false} fontSize={12} />
          <YAxis type="category" dataKey="label" width={130} fontSize={12} interval={0} />
          <Tooltip
            formatter={(value, _name, entry) => {
              const item = (entry as { payload?: (typeof data)[number] }).payload;
              return [
                `${String(value)} portions${item && item.revenueCents > 0 ? `, ${formatMoney(item.revenueCents, money)}` : ''}`,
                item ? KIND_NAMES[item.kind] : '',
              ];
            }}
          />
          <Bar dataKey="quantity" isAnimationActive={false}>
            {data.map((item) => (
              <Cell key={item.name} fill={KIND_COLOURS[item.kind]} />
            ))}
          </Bar>
        </BarChart>
      }
      table={{
        head: ['Item', 'Kind', 'Portions', 'Events', 'Uptake', 'Revenue'],
        rows: menu.items.map((item) => [
          item.name,
          KIND_NAMES[item.kind] ?? item.kind,
          item.quantity,
          item.bookings,
          item.uptake === null ? '—' : `${Math.round(item.uptake * 100)}%`,
          formatMoney(item.revenueCents, money),
        ]),
      }}
    />
  );
}
