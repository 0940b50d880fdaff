// Colour-vision-deficiency simulation and perceptual colour difference, used to check that
// the palette stays readable for people with dichromacy.
import { parseHex, srgbToLinear } from './contrast.ts';

/** Dichromacies simulated (severity 1.0): red-, green- and blue-cone absence. */
export const colourVisionDeficiencies = ['protanopia', 'deuteranopia', 'tritanopia'] as const;
export type ColourVisionDeficiency = (typeof colourVisionDeficiencies)[number];

type Matrix = readonly [
  readonly [number, number, number],
  readonly [number, number, number],
  readonly [number, number, number],
];

// Machado, Oliveira & Fernandes (2009), severity 1.0, applied to linear RGB.
const MACHADO: Readonly<Record<ColourVisionDeficiency, Matrix>> = {
  protanopia: [
    [0.152286, 1.052583, -0.204868],
    [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998],
  ],
  deuteranopia: [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.01182, 0.04294, 0.968881],
  ],
  tritanopia: [
    [1.255528, -0.076749, -0.178779],
    [-0.078411, 0.930809, 0.147602],
    [0.004733, 0.691367, 0.3039],
  ],
};

/** Linear RGB (0–1) of a hex colour. */
export function linearRgb(hex: string): [number, number, number] {
  const [r, g, b] = parseHex(hex);
  return [srgbToLinear(r), srgbToLinear(g), srgbToLinear(b)];
}

function clamp01(x: number): number {
  return x < 0 ? 0 : x > 1 ? 1 : x;
}

/**
 * How a colour appears with a full dichromacy, as linear RGB (0–1).
 * @see Machado GM, Oliveira MM, Fernandes LAF. A physiologically-based model for simulation of
 *   color vision deficiency. IEEE TVCG 2009;15(6):1291–8
 */
export function simulateDeficiency(
  hex: string,
  deficiency: ColourVisionDeficiency,
): [number, number, number] {
  const [r, g, b] = linearRgb(hex);
  const m = MACHADO[deficiency];
  return [
    clamp01(m[0][0] * r + m[0][1] * g + m[0][2] * b),
    clamp01(m[1][0] * r + m[1][1] * g + m[1][2] * b),
    clamp01(m[2][0] * r + m[2][1] * g + m[2][2] * b),
  ];
}

/**
 * CIELAB (D65) of a linear RGB colour.
 * @see CIE 15:2004 Colorimetry; sRGB primaries per IEC 61966-2-1
 */
export function linearRgbToLab([r, g, b]: readonly [number, number, number]): [
  number,
  number,
  number,
] {
  const x = (0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / 0.95047;
  const y = 0.2126729 * r + 0.7151522 * g + 0.072175 * b;
  const z = (0.0193339 * r + 0.119192 * g + 0.9503041 * b) / 1.08883;
  const f = (t: number): number => (t > 216 / 24389 ? Math.cbrt(t) : ((24389 / 27) * t + 16) / 116);
  const fx = f(x);
  const fy = f(y);
  const fz = f(z);
  return [116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)];
}

const DEG = Math.PI / 180;

/**
 * CIEDE2000 colour difference between two CIELAB colours (about 2.3 = just noticeable).
 * @see Sharma G, Wu W, Dalal EN. The CIEDE2000 color-difference formula: implementation notes,
 *   supplementary test data, and mathematical observations. Color Res Appl 2005;30:21–30
 */
export function deltaE2000(
  lab1: readonly [number, number, number],
  lab2: readonly [number, number, number],
): number {
  const [l1, a1, b1] = lab1;
  const [l2, a2, b2] = lab2;
  const c1 = Math.hypot(a1, b1);
  const c2 = Math.hypot(a2, b2);
  const cBar7 = ((c1 + c2) / 2) ** 7;
  const g = 0.5 * (1 - Math.sqrt(cBar7 / (cBar7 + 25 ** 7)));
  const a1p = (1 + g) * a1;
  const a2p = (1 + g) * a2;
  const c1p = Math.hypot(a1p, b1);
  const c2p = Math.hypot(a2p, b2);
  const hue = (b: number, a: number): number => {
    if (a === 0 && b === 0) return 0;
    const h = Math.atan2(b, a) / DEG;
    return h < 0 ? h + 360 : h;
  };
  const h1p = hue(b1, a1p);
  const h2p = hue(b2, a2p);
  const dLp = l2 - l1;
  const dCp = c2p - c1p;
  let dhp = 0;
  if (c1p * c2p !== 0) {
    dhp = h2p - h1p;
    if (dhp > 180) dhp -= 360;
    else if (dhp < -180) dhp += 360;
  }
  const dHp = 2 * Math.sqrt(c1p * c2p) * Math.sin((dhp / 2) * DEG);
  const lBarP = (l1 + l2) / 2;
  const cBarP = (c1p + c2p) / 2;
  let hBarP = h1p + h2p;
  if (c1p * c2p !== 0) {
    if (Math.abs(h1p - h2p) <= 180) hBarP = (h1p + h2p) / 2;
    else hBarP = h1p + h2p < 360 ? (h1p + h2p + 360) / 2 : (h1p + h2p - 360) / 2;
  }
  const t =
    1 -
    0.17 * Math.cos((hBarP - 30) * DEG) +
    0.24 * Math.cos(2 * hBarP * DEG) +
    0.32 * Math.cos((3 * hBarP + 6) * DEG) -
    0.2 * Math.cos((4 * hBarP - 63) * DEG);
  const dTheta = 30 * Math.exp(-(((hBarP - 275) / 25) ** 2));
  const cBarP7 = cBarP ** 7;
  const rc = 2 * Math.sqrt(cBarP7 / (cBarP7 + 25 ** 7));
  const sl = 1 + (0.015 * (lBarP - 50) ** 2) / Math.sqrt(20 + (lBarP - 50) ** 2);
  const sc = 1 + 0.045 * cBarP;
  const sh = 1 + 0.015 * cBarP * t;
  const rt = -Math.sin(2 * dTheta * DEG) * rc;
  const lTerm = dLp / sl;
  const cTerm = dCp / sc;
  const hTerm = dHp / sh;
  return Math.sqrt(lTerm * lTerm + cTerm * cTerm + hTerm * hTerm + rt * cTerm * hTerm);
}

/**
 * CIEDE2000 difference between two hex colours as seen with normal vision or a dichromacy.
 * @see Machado et al. 2009 (simulation); Sharma et al. 2005 (CIEDE2000)
 */
export function perceivedDifference(
  a: string,
  b: string,
  vision: ColourVisionDeficiency | 'normal' = 'normal',
): number {
  const la = linearRgbToLab(vision === 'normal' ? linearRgb(a) : simulateDeficiency(a, vision));
  const lb = linearRgbToLab(vision === 'normal' ? linearRgb(b) : simulateDeficiency(b, vision));
  return deltaE2000(la, lb);
}
