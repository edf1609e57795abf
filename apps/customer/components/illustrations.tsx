import type { ReactNode } from 'react';

/**
 * Illustrations drawn for the site (inline SVG: no requests, a few hundred bytes each, crisp
 * at any size). Each has a text alternative for screen readers.
 */

/** A chef at a teppan grill, flames rising, a family around the table. */
export function GrillIllustration({ className }: { className?: string }) {
  return (
    <svg
      className={className}
      viewBox="0 0 320 200"
      role="img"
      aria-labelledby="grill-title"
      xmlns="http://www.w3.org/2000/svg"
    >
      <title id="grill-title">
        A chef in a tall white hat flips food on a grill while flames rise and guests watch
      </title>
      <rect x="0" y="170" width="320" height="30" fill="#fde8e8" />
      <circle cx="250" cy="46" r="22" fill="#fbbf24" opacity="0.35" />
      {/* the chef */}
      <rect
        x="132"
        y="14"
        width="36"
        height="26"
        rx="10"
        fill="#fff"
        stroke="#1c1917"
        strokeWidth="3"
      />
      <circle cx="150" cy="56" r="16" fill="#f5c6a5" stroke="#1c1917" strokeWidth="3" />
      <path d="M124 120 q26 -52 52 0 z" fill="#fff" stroke="#1c1917" strokeWidth="3" />
      <path d="M176 96 l30 -18" stroke="#1c1917" strokeWidth="5" strokeLinecap="round" />
      <path d="M200 74 l16 -4" stroke="#57534e" strokeWidth="5" strokeLinecap="round" />
      {/* the grill and the fire */}
      <rect x="70" y="120" width="180" height="14" rx="3" fill="#44403c" />
      <rect x="84" y="134" width="152" height="36" fill="#78716c" />
      <path d="M120 118 q8 -30 16 -6 q6 -22 12 0 q8 -34 18 2 z" fill="#f97316" />
      <path d="M128 118 q6 -18 10 -2 q6 -16 10 2 z" fill="#fde047" />
      <circle cx="196" cy="114" r="5" fill="#fef3c7" stroke="#a16207" strokeWidth="2" />
      <circle cx="210" cy="115" r="5" fill="#fef3c7" stroke="#a16207" strokeWidth="2" />
      {/* the guests */}
      <circle cx="34" cy="128" r="12" fill="#b91c1c" />
      <rect x="22" y="142" width="24" height="28" rx="8" fill="#b91c1c" />
      <circle cx="286" cy="124" r="13" fill="#1d4ed8" />
      <rect x="273" y="139" width="26" height="31" rx="8" fill="#1d4ed8" />
      <circle cx="300" cy="142" r="8" fill="#15803d" />
      <rect x="292" y="152" width="16" height="18" rx="6" fill="#15803d" />
    </svg>
  );
}

type StepIconName = 'calendar' | 'party' | 'menu' | 'deposit';

/** Small pictures for the booking steps; decorative, the step's words say the same. */
export function StepIcon({ name }: { name: StepIconName }) {
  const shapes: Record<StepIconName, ReactNode> = {
    calendar: (
      <>
        <rect
          x="6"
          y="10"
          width="36"
          height="32"
          rx="4"
          fill="#fff"
          stroke="currentColor"
          strokeWidth="3"
        />
        <path
          d="M6 20 h36 M16 6 v8 M32 6 v8"
          stroke="currentColor"
          strokeWidth="3"
          strokeLinecap="round"
        />
        <rect x="26" y="26" width="8" height="8" rx="2" fill="currentColor" />
      </>
    ),
    party: (
      <>
        <circle cx="16" cy="18" r="7" fill="currentColor" />
        <circle cx="33" cy="20" r="6" fill="currentColor" opacity="0.7" />
        <path d="M4 42 q12 -20 24 0 z M24 42 q9 -16 18 0 z" fill="currentColor" />
      </>
    ),
    menu: (
      <>
        <ellipse cx="24" cy="30" rx="19" ry="9" fill="#fff" stroke="currentColor" strokeWidth="3" />
        <path d="M14 27 q10 -12 20 0" fill="currentColor" opacity="0.6" />
        <path
          d="M34 8 l-8 18 M40 10 l-10 17"
          stroke="currentColor"
          strokeWidth="3"
          strokeLinecap="round"
        />
      </>
    ),
    deposit: (
      <>
        <rect
          x="4"
          y="12"
          width="40"
          height="26"
          rx="4"
          fill="#fff"
          stroke="currentColor"
          strokeWidth="3"
        />
        <path d="M4 20 h40" stroke="currentColor" strokeWidth="5" />
        <path d="M12 31 h10" stroke="currentColor" strokeWidth="3" strokeLinecap="round" />
      </>
    ),
  };
  return (
    <svg className="step-icon" viewBox="0 0 48 48" aria-hidden="true" focusable="false">
      {shapes[name]}
    </svg>
  );
}
