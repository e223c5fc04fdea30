/**
 * Debian's Chromium as the end-to-end tests and the frame benchmark launch it: no browser download
 * (`executablePath`), WebGL on SwiftShader so no GPU is needed, and none of Chromium's background
 * traffic, which this offline machine would refuse.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--enable-unsafe-swiftshader',
  '--use-angle=swiftshader',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
