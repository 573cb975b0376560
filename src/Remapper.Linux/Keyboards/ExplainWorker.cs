namespace Remapper.Linux.Keyboards;

/// <summary>
/// Runs the <see cref="IAccessExplainer"/> on the thread pool (it walks /proc and reads /etc, which can take long enough
/// to delay keys) and hands each answer to <c>deliver</c>, which posts it to the loop. The manager asks once per new
/// failure, not on every retry, so requests are rare and each runs on its own.
/// </summary>
public sealed class ExplainWorker(IAccessExplainer explainer, Action<KeyboardExplanation> deliver, Action<Exception> failed) : IExplanationRequests
{
    public void Request(Discovery.InputDeviceInfo device, string operation, int errno) =>
        ThreadPool.UnsafeQueueUserWorkItem(_ =>
        {
            try
            {
                deliver(new KeyboardExplanation(device, operation, errno, explainer.Explain(device, operation, errno)));
            }
            catch (Exception e)
            {
                failed(e);
            }
        }, null);
}
