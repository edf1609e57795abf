/** Every answer's headers (pages get their policy from the proxy, with a nonce per answer). */
export const COMMON_HEADERS = [
  { key: 'Strict-Transport-Security', value: 'max-age=63072000; includeSubDomains' },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
];

/** API answers are never documents: nothing may load from them, nothing may frame them. */
export const API_POLICY = {
  key: 'Content-Security-Policy',
  value: "default-src 'none'; frame-ancestors 'none'",
};

/** What an API answer carries (next.config's rules for `/api/:path*`, in their order). */
export const API_HEADERS = [...COMMON_HEADERS, API_POLICY];
