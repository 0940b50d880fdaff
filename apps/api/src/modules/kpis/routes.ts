import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { KPI_TEMPLATES } from '@thrive/participation';
import type { FastifyRequest } from 'fastify';
import { actorId } from '../../plugins/auth.ts';
import { ErrorBody } from '../../schemas.ts';
import {
  AdoptionBody,
  KpiAreaListBody,
  KpiAreaPageBody,
  KpiAreaParams,
  KpiDetailBody,
  KpiDraftsBody,
  KpiListBody,
  KpiListQuery,
  KpiParams,
  KpiPatchBody,
  KpiTemplateListBody,
  NewKpiBody,
  RetirementBody,
  WorkshopRefParams,
} from './schemas.ts';
import {
  adoptKpi,
  createKpi,
  getKpi,
  kpiAreaPage,
  kpiAreas,
  listKpis,
  retireKpi,
  updateKpi,
  workshopDrafts,
} from './service.ts';

const refusals = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody } as const;

/** Officers and admins see draft KPIs; everyone sees adopted and retired ones. */
const seesDrafts = (request: FastifyRequest): boolean =>
  request.principal.kind === 'user' && request.principal.user.role !== 'partner';

/** Community-defined KPIs: templates, drafts from a workshop, the lifecycle, and their readings. */
export const kpiRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/kpi-templates',
    {
      schema: {
        summary: 'KPI templates residents rewrite in their own words, each naming its source',
        tags: ['kpis'],
        response: { 200: KpiTemplateListBody },
      },
    },
    async () => ({ templates: [...KPI_TEMPLATES] }),
  );

  app.get(
    '/kpis',
    {
      schema: {
        summary: 'Adopted KPIs (of an area, and of the estates inside it)',
        tags: ['kpis'],
        querystring: KpiListQuery,
        response: { 200: KpiListBody, 400: ErrorBody },
      },
    },
    async (request) => ({ kpis: await listKpis(app.db.db, ['adopted'], request.query.area) }),
  );

  app.get(
    '/kpis/areas',
    {
      schema: {
        summary: 'Areas with adopted KPIs (each has a public page)',
        tags: ['kpis'],
        response: { 200: KpiAreaListBody },
      },
    },
    async () => kpiAreas(app.db.db),
  );

  app.get(
    '/kpis/areas/:code',
    {
      schema: {
        summary:
          "An area's public page: adopted KPIs with their readings, and \"you said, we did\" from its workshops",
        tags: ['kpis'],
        params: KpiAreaParams,
        response: { 200: KpiAreaPageBody, 400: ErrorBody, 404: ErrorBody },
      },
    },
    async (request) => kpiAreaPage(app.db.db, request.params.code),
  );

  app.get(
    '/kpis/all',
    {
      schema: {
        summary: 'Every KPI: drafts, adopted and retired (officers)',
        tags: ['kpis'],
        querystring: KpiListQuery,
        response: { 200: KpiListBody, ...refusals },
      },
    },
    async (request) => ({
      kpis: await listKpis(app.db.db, ['draft', 'adopted', 'retired'], request.query.area),
    }),
  );

  app.post(
    '/kpis',
    {
      schema: {
        summary: 'Write a draft KPI (values of proportions as fractions 0–1)',
        tags: ['kpis'],
        body: NewKpiBody,
        response: { 201: KpiDetailBody, ...refusals },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createKpi(app.db.db, request.body, actorId(request))),
  );

  app.get(
    '/kpis/:id',
    {
      schema: {
        summary: 'A KPI with its versions and periods (value, interval, n, status)',
        tags: ['kpis'],
        params: KpiParams,
        response: { 200: KpiDetailBody, ...refusals },
      },
    },
    async (request) => getKpi(app.db.db, request.params.id.toLowerCase(), seesDrafts(request)),
  );

  app.patch(
    '/kpis/:id',
    {
      schema: {
        summary:
          'Change a KPI: an adopted version is never changed, the change becomes a new version',
        tags: ['kpis'],
        params: KpiParams,
        body: KpiPatchBody,
        response: { 200: KpiDetailBody, ...refusals, 409: ErrorBody },
      },
    },
    async (request) =>
      updateKpi(app.db.db, request.params.id.toLowerCase(), request.body, actorId(request)),
  );

  app.post(
    '/kpis/:id/adoption',
    {
      schema: {
        summary: "Record a residents' forum adopting the current version",
        tags: ['kpis'],
        params: KpiParams,
        body: AdoptionBody,
        response: { 201: KpiDetailBody, ...refusals, 409: ErrorBody },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await adoptKpi(
            app.db.db,
            request.params.id.toLowerCase(),
            request.body,
            actorId(request),
          ),
        ),
  );

  app.post(
    '/kpis/:id/retirement',
    {
      schema: {
        summary: 'Retire a KPI, with the reason (history kept)',
        tags: ['kpis'],
        params: KpiParams,
        body: RetirementBody,
        response: { 200: KpiDetailBody, ...refusals, 409: ErrorBody },
      },
    },
    async (request) => retireKpi(app.db.db, request.params.id.toLowerCase(), request.body.reason),
  );

  app.get(
    '/workshops/:ref/kpi-drafts',
    {
      schema: {
        summary: "Draft KPIs from a workshop's most-supported themes and pins, quoted",
        tags: ['kpis'],
        params: WorkshopRefParams,
        response: { 200: KpiDraftsBody, ...refusals },
      },
    },
    async (request) => workshopDrafts(app.db.db, request.params.ref),
  );
};
