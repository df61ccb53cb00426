import type { APIRoute } from 'astro';
import model from 'virtual:starlight-error-catalog/model';
import { errorsDts } from '../render/exports.ts';

export const GET: APIRoute = () =>
  new Response(errorsDts(model), { headers: { 'Content-Type': 'application/typescript; charset=utf-8' } });
