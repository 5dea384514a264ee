// CloudFormation knows each resource by its logical id, which CDK makes from the construct path.
// A resource whose id changes is a new resource: CloudFormation creates it and deletes the old one
// (or, for what is retained, leaves it behind). So moving a construct in lib/ must not change an
// id, and these tests fail when one does. An id that changes on purpose, or a new resource, is
// written here by hand, knowing that the resource will be replaced or created.
import { describe, expect, it } from 'vitest';
import { synth } from './synth.ts';

const idsOf = (context: Record<string, unknown> = {}) =>
  Object.fromEntries(
    Object.entries(synth(context).template.toJSON().Resources as Record<string, { Type: string }>).map(([id, r]) => [
      id,
      r.Type,
    ]),
  );

/** The default stack's resources (README's four keys), by logical id. */
const DEFAULT = {
  Alarms04B5A0BF: 'AWS::SNS::Topic',
  AlarmsPolicy5C860CFE: 'AWS::SNS::TopicPolicy',
  AlarmsmeexamplecomECFF1904: 'AWS::SNS::Subscription',
  AllowSesToInvokeInbound: 'AWS::Lambda::Permission',
  BounceRateAlarmDE93A3B6: 'AWS::CloudWatch::Alarm',
  Cases80582F3E: 'AWS::DynamoDB::Table',
  ComplaintRateAlarm48BDFF06: 'AWS::CloudWatch::Alarm',
  DeliveryFeedbackB8CE950D: 'AWS::SNS::Topic',
  DeliveryFeedbackPolicyCD10D9D7: 'AWS::SNS::TopicPolicy',
  ExpireDraftsErrorsAlarm2DB2FF91: 'AWS::CloudWatch::Alarm',
  ExpireDraftsFunctionEventInvokeConfig05700F6A: 'AWS::Lambda::EventInvokeConfig',
  ExpireDraftsFunctionF6A8D620: 'AWS::Lambda::Function',
  ExpireDraftsHourly6156F971: 'AWS::Events::Rule',
  ExpireDraftsHourlyAllowEventRuleOnwardExpireDraftsFunctionFC6FAC1351276135: 'AWS::Lambda::Permission',
  ExpireDraftsLogsE7CDF3C8: 'AWS::Logs::LogGroup',
  ExpireDraftsRole34277019: 'AWS::IAM::Role',
  ExpireDraftsRoleDefaultPolicyC6F86ABF: 'AWS::IAM::Policy',
  FailedEventsA83487DA: 'AWS::SQS::Queue',
  FailedEventsAlarmC02783F4: 'AWS::CloudWatch::Alarm',
  FailedEventsPolicy9E93B8CD: 'AWS::SQS::QueuePolicy',
  InboundErrorsAlarmE1E3FE29: 'AWS::CloudWatch::Alarm',
  InboundFunction337AA678: 'AWS::Lambda::Function',
  InboundFunctionEventInvokeConfig68CF0564: 'AWS::Lambda::EventInvokeConfig',
  InboundLogs06404AD5: 'AWS::Logs::LogGroup',
  InboundRole4F2AE2F6: 'AWS::IAM::Role',
  InboundRoleDefaultPolicy2550CDAC: 'AWS::IAM::Policy',
  InboundRuleC93840F1: 'AWS::SES::ReceiptRule',
  LettersDC1467AC: 'AWS::SES::ConfigurationSet',
  LettersToFeedbackTopic01E23BCA: 'AWS::SES::ConfigurationSetEventDestination',
  RawMailA1B12CE5: 'AWS::S3::Bucket',
  RawMailPolicyE300B447: 'AWS::S3::BucketPolicy',
  RepliesErrorsAlarm49615982: 'AWS::CloudWatch::Alarm',
  RepliesFunctionA1735DE1: 'AWS::Lambda::Function',
  RepliesFunctionEventInvokeConfigC6E84D65: 'AWS::Lambda::EventInvokeConfig',
  RepliesLogs8B7DA257: 'AWS::Logs::LogGroup',
  RepliesRole5A81D2BF: 'AWS::IAM::Role',
  RepliesRoleDefaultPolicy413445EA: 'AWS::IAM::Policy',
  ReviewErrorsAlarmF1840208: 'AWS::CloudWatch::Alarm',
  ReviewFunction76B0AB2C: 'AWS::Lambda::Function',
  ReviewFunctionFunctionUrlFC7F2377: 'AWS::Lambda::Url',
  ReviewFunctioninvokefunctionF80F8B3F: 'AWS::Lambda::Permission',
  ReviewFunctioninvokefunctionurl2CB2B96F: 'AWS::Lambda::Permission',
  ReviewLogs53D2788C: 'AWS::Logs::LogGroup',
  ReviewRole7ADEBD1B: 'AWS::IAM::Role',
  ReviewRoleDefaultPolicyCF56655A: 'AWS::IAM::Policy',
  RuleSetE30C6C48: 'AWS::SES::ReceiptRuleSet',
  SendFeedbackErrorsAlarmBB27788B: 'AWS::CloudWatch::Alarm',
  SendFeedbackFunction0C4F80E1: 'AWS::Lambda::Function',
  SendFeedbackFunctionAllowInvokeOnwardDeliveryFeedbackE1F10B7D7DD116B1: 'AWS::Lambda::Permission',
  SendFeedbackFunctionDeliveryFeedback9545335A: 'AWS::SNS::Subscription',
  SendFeedbackFunctionEventInvokeConfig3EDD7CBB: 'AWS::Lambda::EventInvokeConfig',
  SendFeedbackLogs9A3F2615: 'AWS::Logs::LogGroup',
  SendFeedbackRoleDefaultPolicy991B2F2D: 'AWS::IAM::Policy',
  SendFeedbackRoleFA23100C: 'AWS::IAM::Role',
  SigningKeyEEFC2790: 'AWS::SecretsManager::Secret',
};

/** What `-c activateRuleSet=true` adds. */
const ACTIVATION = {
  AWS679f53fac002430cb0da5b7982bd22872D164C4C: 'AWS::Lambda::Function',
  ActivateRuleSet3E62562C: 'Custom::AWS',
  ActivateRuleSetCustomResourcePolicyA902BA36: 'AWS::IAM::Policy',
  ActivateRuleSetLogsE2456AE5: 'AWS::Logs::LogGroup',
  ActivateRuleSetRole885AB56B: 'AWS::IAM::Role',
  ActivateRuleSetRoleDefaultPolicyC410B470: 'AWS::IAM::Policy',
  // New: deactivates onward's set on stack deletion, only when it is the active one.
  DeactivateRuleSetFunction6FC5C65D: 'AWS::Lambda::Function',
  DeactivateRuleSetLogsE9FBA38B: 'AWS::Logs::LogGroup',
  DeactivateRuleSetOnDelete: 'Custom::OnwardRuleSetDeactivation',
  DeactivateRuleSetRole045E8496: 'AWS::IAM::Role',
  DeactivateRuleSetRoleDefaultPolicyCF16DC85: 'AWS::IAM::Policy',
};

describe('logical ids', () => {
  const ids = idsOf();

  it('the cases table, the raw-mail bucket and the signing secret keep theirs', () => {
    // Literal on purpose. A new id for the table or the bucket would leave the owner's cases and
    // mail behind in a retained, orphaned resource and start empty ones; a new id for the secret
    // would make a new key, and every link already mailed would stop working.
    expect(ids.Cases80582F3E).toBe('AWS::DynamoDB::Table');
    expect(ids.RawMailA1B12CE5).toBe('AWS::S3::Bucket');
    expect(ids.SigningKeyEEFC2790).toBe('AWS::SecretsManager::Secret');
  });

  it('every resource of the default stack keeps its id', () => {
    expect(ids).toEqual(DEFAULT);
  });

  it('and so does every resource that activating the rule set adds', () => {
    expect(idsOf({ activateRuleSet: 'true' })).toEqual({ ...DEFAULT, ...ACTIVATION });
  });
});
