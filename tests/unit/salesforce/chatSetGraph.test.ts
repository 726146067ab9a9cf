import { describe, expect, it } from 'vitest';
import type { CompositeSubrequest } from '../../../server/salesforce/composite';
import { graphHeaders } from '../../../server/salesforce/chatSet/graph';
import { createHeaders, UPDATE_HEADERS } from '../../../server/salesforce/chatSet/headers';

const create = (object: string, autoAssign: boolean): CompositeSubrequest => ({
  method: 'POST',
  url: `/services/data/v62.0/sobjects/${object}`,
  referenceId: `new${object}`,
  body: {},
  httpHeaders: createHeaders(autoAssign),
});
const update = (object: string): CompositeSubrequest => ({
  method: 'PATCH',
  url: `/services/data/v62.0/sobjects/${object}/00Q000000000001AAA`,
  referenceId: `upd${object}`,
  body: {},
  httpHeaders: UPDATE_HEADERS,
});

describe('the headers of a whole graph call (for orgs that apply only the request’s headers)', () => {
  it('let assignment rules run only when every node of an assigned object asks for them', () => {
    expect(graphHeaders([create('Contact', false), create('Case', true)])['Sforce-Auto-Assign']).toBe('TRUE');
    expect(graphHeaders([create('Lead', true), create('Case', false)])['Sforce-Auto-Assign']).toBe('FALSE');
  });

  it('never let them run when the graph updates a found Lead, Case or Account', () => {
    expect(graphHeaders([update('Lead'), create('Case', true)])['Sforce-Auto-Assign']).toBe('FALSE');
  });

  it('say nothing of assignment where no node writes an object it applies to', () => {
    expect(graphHeaders([create('Contact', true), create('Task', true)])).not.toHaveProperty(
      'Sforce-Auto-Assign',
    );
  });

  it('carry the duplicate-rule header every create carries', () => {
    expect(graphHeaders([create('Contact', false), update('Lead')])['Sforce-Duplicate-Rule-Header']).toBe(
      createHeaders(false)['Sforce-Duplicate-Rule-Header'],
    );
  });
});
