// The poster's QR code, made by node-qrcode (docs/decisions/0018-qr-codes.md) as SVG markup.
// The page puts this markup in with {@html}: it is the library's output for a URL we built,
// never residents' text.
import QRCode from 'qrcode';

/** An SVG QR code of the join URL (error correction M: survives a crease or a smudge). */
export function joinQrSvg(joinUrl: string): Promise<string> {
  return QRCode.toString(joinUrl, {
    type: 'svg',
    errorCorrectionLevel: 'M',
    margin: 4,
    color: { dark: '#000000', light: '#ffffff' },
  });
}
