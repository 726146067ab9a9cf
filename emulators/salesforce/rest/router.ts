import { methodNotAllowed, notFound } from '../errors';
import { readBlob } from './blobs';
import type { CallKind } from '../org';
import { createMany, deleteMany, retrieveMany, updateMany } from './collections';
import { composite } from './composite';
import { duplicatesConfiguration } from './duplicatesConfig';
import { compositeGraph } from './graph';
import { limits } from './limits';
import { query, queryMore } from './query';
import { resourcesByVersion } from './resources';
import { parameterizedSearch, soslSearch } from './search';
import {
  createOne,
  deleteOne,
  globalDescribe,
  objectBasicInfo,
  objectDescribe,
  readOne,
  updateOne,
} from './sobjects';
import type { Handler, Route } from './types';
import { picklistValuesByRecordType } from './uiApi';

type Methods = Partial<Record<string, { kind: CallKind; handler: Handler }>>;

function pick(method: string, methods: Methods): Route {
  const found = methods[method];
  if (found) return found;
  const allowed = Object.keys(methods);
  return {
    kind: 'other',
    handler: () => {
      throw methodNotAllowed(method, allowed);
    },
  };
}

const missing: Route = {
  kind: 'other',
  handler: () => {
    throw notFound();
  },
};

/** Finds the handler of a call below `/services/data/vNN.N`. */
export function route(method: string, path: string): Route {
  const segments = path.split('/').filter(Boolean).map(decodeURIComponent);
  const [first, second, third, fourth] = segments;
  switch (segments.length === 0 ? '' : first) {
    case '':
      return pick(method, { GET: { kind: 'resources', handler: resourcesByVersion } });
    case 'sobjects': {
      if (second === undefined)
        return pick(method, { GET: { kind: 'describeGlobal', handler: globalDescribe } });
      if (third === undefined) {
        return pick(method, {
          GET: { kind: 'describe', handler: (c, r) => objectBasicInfo(c, r, second) },
          POST: { kind: 'create', handler: (c, r) => createOne(c, r, second) },
        });
      }
      if (fourth !== undefined) {
        if (third === 'describe' || segments.length > 4) return missing;
        return pick(method, {
          GET: { kind: 'read', handler: (c, r) => readBlob(c, r, second, third, fourth) },
        });
      }
      if (third === 'describe') {
        return pick(method, { GET: { kind: 'describe', handler: (c, r) => objectDescribe(c, r, second) } });
      }
      return pick(method, {
        GET: { kind: 'read', handler: (c, r) => readOne(c, r, second, third) },
        PATCH: { kind: 'update', handler: (c, r) => updateOne(c, r, second, third) },
        DELETE: { kind: 'delete', handler: (c, r) => deleteOne(c, r, second, third) },
      });
    }
    case 'query':
    case 'queryAll': {
      if (segments.length > 2) return missing;
      if (second !== undefined) {
        return pick(method, { GET: { kind: 'queryMore', handler: (c, r) => queryMore(c, r, second) } });
      }
      return pick(method, { GET: { kind: 'query', handler: (c, r) => query(c, r, first === 'queryAll') } });
    }
    case 'search':
      if (segments.length > 1) return missing;
      return pick(method, { GET: { kind: 'search', handler: soslSearch } });
    case 'parameterizedSearch':
      if (segments.length > 1) return missing;
      return pick(method, {
        GET: { kind: 'search', handler: parameterizedSearch },
        POST: { kind: 'search', handler: parameterizedSearch },
      });
    case 'limits':
      if (segments.length > 1) return missing;
      return pick(method, { GET: { kind: 'limits', handler: limits } });
    case 'composite': {
      if (second === undefined) return pick(method, { POST: { kind: 'composite', handler: composite } });
      if (second === 'graph' && third === undefined) {
        return pick(method, { POST: { kind: 'composite', handler: compositeGraph } });
      }
      if (second !== 'sobjects' || fourth !== undefined) return missing;
      if (third !== undefined) {
        return pick(method, { POST: { kind: 'collections', handler: (c, r) => retrieveMany(c, r, third) } });
      }
      return pick(method, {
        POST: { kind: 'collections', handler: createMany },
        PATCH: { kind: 'collections', handler: updateMany },
        DELETE: { kind: 'collections', handler: deleteMany },
      });
    }
    case 'ui-api': {
      if (second === 'duplicates') {
        // ui-api/duplicates/{object}
        if (!third || fourth !== undefined) return missing;
        return pick(method, { GET: { kind: 'other', handler: (c) => duplicatesConfiguration(c, third) } });
      }
      // ui-api/object-info/{object}/picklist-values/{recordTypeId}[/{field}]
      const [, , objectName, resource, recordTypeId, fieldName, extra] = segments;
      if (
        second !== 'object-info' ||
        resource !== 'picklist-values' ||
        !objectName ||
        !recordTypeId ||
        extra
      ) {
        return missing;
      }
      return pick(method, {
        GET: {
          kind: 'other',
          handler: (c, r) => picklistValuesByRecordType(c, r, objectName, recordTypeId, fieldName),
        },
      });
    }
    default:
      return missing;
  }
}
