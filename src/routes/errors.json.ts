import type { APIRoute } from 'astro';
import model from 'virtual:starlight-error-catalog/model';
import { errorsJson } from '../render/exports.ts';

export const GET: APIRoute = () =>
  new Response(JSON.stringify(errorsJson(model), null, 2) + '\n', { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
