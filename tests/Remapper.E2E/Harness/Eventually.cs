namespace Remapper.E2E.Harness;

/// <summary>For what happens "soon" after a change the test cannot observe directly (a hotplugged keyboard being seized).</summary>
public static class Eventually
{
    /// <summary>
    /// Repeats <paramref name="attempt"/> until <paramref name="succeeded"/> holds; each attempt must be harmless to
    /// repeat (pressing a key again) and the check must look at everything seen so far.
    /// </summary>
    public static async Task RepeatUntilAsync(Func<Task> attempt, Func<bool> succeeded, string what, TimeSpan? timeout = null)
    {
        DateTime deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            await attempt();
            for (int i = 0; i < 10; i++)
            {
                if (succeeded())
                {
                    return;
                }
                await Task.Delay(100);
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{what} did not happen within {(timeout ?? TimeSpan.FromSeconds(30)).TotalSeconds:0} s");
            }
        }
    }
}
