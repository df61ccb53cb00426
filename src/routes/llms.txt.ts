import type { APIRoute } from 'astro';
import model from 'virtual:starlight-error-catalog/model';
import { llmsTxt } from '../render/exports.ts';

export const GET: APIRoute = () =>
  new Response(llmsTxt(model), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
