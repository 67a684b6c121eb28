/**
 * Deletes an object that no row points to (or will); a failure leaves an unreachable object, logged.
 * @example await discardObject(c.env.ATTACHMENTS, key)
 */
export async function discardObject(bucket: R2Bucket, key: string): Promise<void> {
  try {
    await bucket.delete(key);
  } catch (error) {
    console.error(JSON.stringify({ msg: "orphan R2 object", key, error: String(error) }));
  }
}
