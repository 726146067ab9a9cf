/** A dotted field reference as written (`Owner.Name`), with its position for error messages. */
export interface FieldPath {
  parts: string[];
  pos: number;
}

export type SelectItem = { kind: 'field'; path: FieldPath } | { kind: 'count'; pos: number };

export type Literal =
  | { kind: 'string'; value: string; pos: number; /** As a LIKE pattern (see Token). */ pattern?: string }
  | { kind: 'number'; value: number; pos: number }
  | { kind: 'boolean'; value: boolean; pos: number }
  | { kind: 'null'; pos: number }
  | { kind: 'date'; value: string; pos: number }
  | { kind: 'datetime'; value: Date; pos: number }
  | { kind: 'dateLiteral'; name: string; n: number; pos: number };

export type CompareOp =
  '=' | '!=' | '<' | '>' | '<=' | '>=' | 'like' | 'in' | 'not in' | 'includes' | 'excludes';

export type Expr =
  | { kind: 'compare'; path: FieldPath; op: CompareOp; values: Literal[] }
  | { kind: 'and'; items: Expr[] }
  | { kind: 'or'; items: Expr[] }
  | { kind: 'not'; expr: Expr };

export interface OrderItem {
  path: FieldPath;
  descending: boolean;
  nullsLast: boolean;
}

/** The clauses after the field list, shared by SOQL and SOSL's `RETURNING Obj(… WHERE … LIMIT n)`. */
export interface Clauses {
  where?: Expr;
  orderBy: OrderItem[];
  limit?: number;
  offset?: number;
}

export interface SoqlQuery extends Clauses {
  select: SelectItem[];
  from: { name: string; pos: number };
}
