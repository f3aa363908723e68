/** A request as the panel edits, copies and exports it (no secrets implied: redaction decides). */
import type { HeaderPair } from '../domain/capture';

export interface PlainRequest {
  method: string;
  url: string;
  headers: HeaderPair[];
  body: string | null;
}
