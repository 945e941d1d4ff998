// The embedded broker's limit on a packet's size. Aedes buffers a packet until its announced
// length has arrived, whatever that length (up to MQTT's 256 MB), before anyone is
// authenticated: a client announcing 200 MB could make the server hold it (security probe
// 2026-12-01, N6). The guard reads the fixed headers of the bytes the broker reads and cuts
// the connection at the first packet announcing more than the limit.

/**
 * The largest packet the embedded broker takes: a full telemetry message (1,000 points) is
 * about 90 kB (test/medium/machines.test.ts), so 256 KiB leaves room for long keys and ids.
 */
export const MAX_PACKET_BYTES = 256 * 1024;

/**
 * A watcher over one connection's bytes, in order: false once a packet announces more than
 * `max` bytes after its fixed header, or its length takes more than MQTT's 4 bytes.
 */
export function packetSizeGuard(max: number): (chunk: Uint8Array) => boolean {
  let skip = 0; // bytes of the current packet's body still to pass
  let inLength = false; // reading the remaining-length bytes (after the type byte)
  let length = 0;
  let lengthBytes = 0;
  let over = false;
  return (chunk) => {
    let i = 0;
    while (!over && i < chunk.length) {
      if (skip > 0) {
        const n = Math.min(skip, chunk.length - i);
        skip -= n;
        i += n;
        continue;
      }
      const byte = chunk[i++]!;
      if (!inLength) {
        inLength = true;
        length = 0;
        lengthBytes = 0;
        continue;
      }
      length += (byte & 0x7f) * 128 ** lengthBytes++;
      if (byte & 0x80) {
        if (lengthBytes >= 4) over = true;
        continue;
      }
      if (length > max) over = true;
      skip = length;
      inLength = false;
    }
    return !over;
  };
}
