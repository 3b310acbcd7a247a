/** Moved to core (pure, shared with the WPS adapter); kept here so the Office adapter's imports stay as they were. */
export * from '../core/workbook/marks-store.js';
