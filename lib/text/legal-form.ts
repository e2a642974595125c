/**
 * A company's legal form at the end of its name: "Polaris Inc.", "Dana Incorporated", "Copa
 * Holdings, S.A.", "Diageo plc". The builder strips it to get a company's bare name ("Home
 * Depot"); the linker reads it to tell a company from another body.
 */
export const LEGAL_SUFFIX =
  /(?:,?\s+(?:Inc|Incorporated|Corp|Corporation|Co|Company|Companies|Ltd|Limited|plc|PLC|N\.?V|S\.?A|SA|AG|SE|LLC|L\.?P|LP|Holdings?|Group|Trust|& Co|S\.?p\.?A|A\/S|ASA|AB|Oyj|Bhd|Tbk|S\.?A\.?B\.? de C\.?V)\.?)+$/;
