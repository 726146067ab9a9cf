import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { FormField, FormValue } from '../../../src/api/widget';
import { FieldEditor } from '../../../widget/records/FieldEditor';

const field = (type: string): FormField => ({
  name: 'X__c',
  label: 'X',
  type,
  required: false,
  length: 0,
  scale: 0,
  picklistValues: [],
  restrictedPicklist: false,
  referenceTo: [],
  entryType: 'dynamic',
  value: null,
});

const render = (type: string, value: FormValue) =>
  renderToStaticMarkup(createElement(FieldEditor, { field: field(type), value, onChange: () => {} }));

describe('FieldEditor', () => {
  it('shows a large number exactly, as typed text with a numeric keypad', () => {
    const html = render('double', '12345678901234567890.5');
    expect(html).toContain('type="text"');
    expect(html).toContain('inputMode="decimal"');
    expect(html).toContain('value="12345678901234567890.5"');
  });

  it('keeps a value from the chat that is not a date visible, instead of an empty date input', () => {
    expect(render('date', 'next tuesday')).toContain('value="next tuesday"');
    expect(render('date', '2024-05-22')).toContain('type="date"');
    expect(render('datetime', 'soon')).toContain('value="soon"');
  });
});
