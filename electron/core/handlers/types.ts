import type { ApiMap, OutputOf, ParsedInputOf } from '../../../shared/contract/contract';
import type { HandlerContext } from '../context';

export type Handler<M> = (input: ParsedInputOf<M>, ctx: HandlerContext) => Promise<OutputOf<M>>;
export type Handlers<A extends ApiMap> = { [K in keyof A]: Handler<A[K]> };
