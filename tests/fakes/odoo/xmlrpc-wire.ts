import { createRequire } from 'node:module';
import { PassThrough } from 'node:stream';
import type { XmlRpcValue } from './values';

// ---------------------------------------------------------------------------------------------
// The XML-RPC wire format: the (de)serializer of the `xmlrpc` package, which odoo-await's client
// uses too, so both ends agree on every type. These internals ship without type declarations.
// ---------------------------------------------------------------------------------------------

export interface XmlRpcDeserializer {
  deserializeMethodCall(
    stream: NodeJS.ReadableStream,
    callback: (error: Error | null | undefined, methodName?: string, params?: XmlRpcValue[]) => void,
  ): void;
}
export interface XmlRpcSerializer {
  serializeMethodResponse(value: XmlRpcValue): string;
  serializeFault(fault: { faultCode: number; faultString: string }): string;
}

export const requireCjs = createRequire(import.meta.url);
export const Deserializer = requireCjs('xmlrpc/lib/deserializer') as new () => XmlRpcDeserializer;
export const Serializer = requireCjs('xmlrpc/lib/serializer') as XmlRpcSerializer;

export function parseMethodCall(body: string): Promise<{ methodName: string; params: XmlRpcValue[] }> {
  return new Promise((resolve, reject) => {
    const stream = new PassThrough();
    new Deserializer().deserializeMethodCall(stream, (error, methodName, params) => {
      if (error || !methodName) reject(error ?? new Error('Method call did not contain a method name'));
      else resolve({ methodName, params: params ?? [] });
    });
    stream.end(body);
  });
}
