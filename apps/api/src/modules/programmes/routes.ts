import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { sendCsv } from '../../csv-line.ts';
import { actorId } from '../../plugins/auth.ts';
import { ErrorBody } from '../../schemas.ts';
import type { EngagementContext } from '../engagement/service.ts';
import { reportCsv } from './csv.ts';
import {
  NewObjectiveBody,
  NewOutputBody,
  NewProgrammeBody,
  NewStrandBody,
  NewUpdateBody,
  ProgrammeBody,
  ProgrammeListBody,
  ProgrammeParams,
  ProgrammePatchBody,
  ReportBody,
  ReportCsvQuery,
  ReportQuery,
} from './schemas.ts';
import {
  addObjective,
  addOutput,
  addStrand,
  addUpdate,
  createProgramme,
  getProgramme,
  listProgrammes,
  programmeReport,
  updateProgramme,
} from './service.ts';

export interface ProgrammeRouteOptions {
  engagement: (db: EngagementContext['db']) => EngagementContext;
}

const refusals = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody } as const;

/** Regeneration programmes: public reads (a board report is a public paper), officer-only writes. */
export const programmeRoutes: FastifyPluginAsyncTypebox<ProgrammeRouteOptions> = async (
  app,
  options,
) => {
  const ctx = options.engagement(app.db.db);
  const tags = ['programmes'];
  const id = (params: { id: string }) => params.id.toLowerCase();

  app.get(
    '/programmes',
    {
      schema: {
        summary: 'Every programme with its areas',
        tags,
        response: { 200: ProgrammeListBody },
      },
    },
    async () => listProgrammes(app.db.db),
  );

  app.post(
    '/programmes',
    {
      schema: {
        summary: 'Start a programme (strands People, Prosperity, Place unless given)',
        tags,
        body: NewProgrammeBody,
        response: { 201: ProgrammeBody, ...refusals },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createProgramme(app.db.db, request.body, actorId(request))),
  );

  app.get(
    '/programmes/:id',
    {
      schema: {
        summary: 'A programme: strands, objectives, dated updates, recorded outputs',
        tags,
        params: ProgrammeParams,
        response: { 200: ProgrammeBody, ...refusals },
      },
    },
    async (request) => getProgramme(app.db.db, id(request.params)),
  );

  app.patch(
    '/programmes/:id',
    {
      schema: {
        summary: "Change a programme's name, summary, dates or areas",
        tags,
        params: ProgrammeParams,
        body: ProgrammePatchBody,
        response: { 200: ProgrammeBody, ...refusals },
      },
    },
    async (request) => updateProgramme(app.db.db, id(request.params), request.body),
  );

  app.post(
    '/programmes/:id/strands',
    {
      schema: {
        summary: 'Add a strand',
        tags,
        params: ProgrammeParams,
        body: NewStrandBody,
        response: { 201: ProgrammeBody, ...refusals, 409: ErrorBody },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await addStrand(app.db.db, id(request.params), request.body.name)),
  );

  app.post(
    '/programmes/:id/objectives',
    {
      schema: {
        summary: 'Add an objective to a strand',
        tags,
        params: ProgrammeParams,
        body: NewObjectiveBody,
        response: { 201: ProgrammeBody, ...refusals },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await addObjective(app.db.db, id(request.params), request.body)),
  );

  app.post(
    '/programmes/:id/updates',
    {
      schema: {
        summary: "An officer's dated update on an objective",
        tags,
        params: ProgrammeParams,
        body: NewUpdateBody,
        response: { 201: ProgrammeBody, ...refusals },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await addUpdate(app.db.db, id(request.params), request.body, actorId(request))),
  );

  app.post(
    '/programmes/:id/outputs',
    {
      schema: {
        summary: 'Record an output (a dated count with its source): recorded, not measured',
        tags,
        params: ProgrammeParams,
        body: NewOutputBody,
        response: { 201: ProgrammeBody, ...refusals },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await addOutput(app.db.db, id(request.params), request.body, actorId(request))),
  );

  app.get(
    '/programmes/:id/report',
    {
      schema: {
        summary:
          'The board report: objectives and latest updates, community KPIs (off target and worsening first), engagement and who is not heard, "you said, we did", recorded outputs',
        tags,
        params: ProgrammeParams,
        querystring: ReportQuery,
        response: { 200: ReportBody, ...refusals },
      },
    },
    async (request) => programmeReport(ctx, id(request.params), request.query.period),
  );

  app.get(
    '/programmes/:id/report.csv',
    {
      schema: {
        summary: 'One table of the board report as CSV, with attribution and each figure’s method',
        tags,
        params: ProgrammeParams,
        querystring: ReportCsvQuery,
        response: refusals,
      },
    },
    async (request, reply) => {
      const body = await programmeReport(ctx, id(request.params), request.query.period);
      sendCsv(
        reply,
        reportCsv(body, request.query.table),
        `programme-${request.query.table}${body.period ? `-${body.period.label}` : ''}.csv`,
      );
      return reply;
    },
  );
};
