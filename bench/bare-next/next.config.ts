import type { NextConfig } from 'next';

/** Defaults only: the baseline must not carry anything the product adds. */
const config: NextConfig = {};

export default config;
