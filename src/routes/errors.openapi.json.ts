import type { APIRoute } from 'astro';
import model from 'virtual:starlight-error-catalog/model';
import { errorsOpenapi } from '../render/openapi.ts';

export const GET: APIRoute = () =>
  new Response(JSON.stringify(errorsOpenapi(model), null, 2) + '\n', { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
