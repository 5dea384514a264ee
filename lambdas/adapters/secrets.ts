// Secrets Manager's GetSecretValue, in its JSON protocol: the key that signs review links.
import { callJson, type AwsHttp } from './aws-http.ts';

export async function readSecretString(secrets: AwsHttp, secretId: string): Promise<string> {
  const secret = await callJson<{ SecretString?: string }>(secrets, '1.1', 'secretsmanager.GetSecretValue', {
    SecretId: secretId,
  });
  if (!secret.SecretString) throw new Error('the secret has no string value');
  return secret.SecretString;
}
