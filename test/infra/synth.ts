// Shared by the infra tests: synthesise the real app (lib/app.ts, as `cdk synth` does) offline,
// without credentials, with bundling skipped unless a test asks for it.
import { readFileSync } from 'node:fs';
import { Template } from 'aws-cdk-lib/assertions';
import { createOnwardApp } from '../../lib/app.ts';

export const BASE_CONTEXT = {
  ownerEmail: 'me@example.com',
  ownerName: 'Sam Rivera',
  inboundDomain: 'mail.example.com',
  senderAddress: 'letters@mail.example.com',
} as const;

/** The feature flags in cdk.json, which the CLI passes as context too. */
const CDK_JSON_CONTEXT = JSON.parse(readFileSync(new URL('../../cdk.json', import.meta.url), 'utf8')).context as Record<
  string,
  unknown
>;

export function synth(context: Record<string, unknown> = {}, options: { bundle?: boolean; outdir?: string } = {}) {
  const built = createOnwardApp({
    ...(options.outdir ? { outdir: options.outdir } : {}),
    // An empty list of stacks to bundle: assets get a placeholder instead of running esbuild.
    // Path and asset metadata (as the CLI sets them) let the tests find resources and bundles.
    context: {
      ...CDK_JSON_CONTEXT,
      'aws:cdk:enable-path-metadata': true,
      'aws:cdk:enable-asset-metadata': true,
      ...BASE_CONTEXT,
      ...(options.bundle ? {} : { 'aws:cdk:bundling-stacks': [] }),
      ...context,
    },
  });
  return { ...built, template: Template.fromStack(built.stack) };
}

type Resource = {
  Type: string;
  Properties: Record<string, any>;
  Metadata?: Record<string, any>;
  DependsOn?: string[];
  DeletionPolicy?: string;
  UpdateReplacePolicy?: string;
};

/** The resource at a construct path such as 'Onward/Inbound/Function/Resource', with its logical id. */
export function resourceAt(template: Template, path: string): Resource & { id: string } {
  const all = template.toJSON().Resources as Record<string, Resource>;
  const found = Object.entries(all).filter(([, r]) => r.Metadata?.['aws:cdk:path'] === path);
  if (found.length !== 1) throw new Error(`expected one resource at ${path}, found ${found.length}`);
  const [id, resource] = found[0]!;
  return { id, ...resource };
}

export function resourcesOfType(template: Template, type: string): (Resource & { id: string })[] {
  const all = template.toJSON().Resources as Record<string, Resource>;
  return Object.entries(all)
    .filter(([, r]) => r.Type === type)
    .map(([id, r]) => ({ id, ...r }));
}

export const FUNCTIONS = {
  inbound: { path: 'Onward/Inbound', entry: 'on-mail-received.ts' },
  replies: { path: 'Onward/Replies', entry: 'on-reply-received.ts' },
  review: { path: 'Onward/Review', entry: 'on-approval-request.ts' },
  expire: { path: 'Onward/ExpireDrafts', entry: 'expire-drafts.ts' },
  feedback: { path: 'Onward/SendFeedback', entry: 'on-send-feedback.ts' },
} as const;
