using LunaFpr.Patches;

namespace LunaFpr.Tests.Patches;

public class HuWindowTests
{
    [Theory]
    [InlineData(-1000f, 400f)]
    [InlineData(-115f, 185f)]
    public void Apply_MatchesClipAndScale_ForEveryInt16(float lower, float upper)
    {
        var window = new HuWindow(lower, upper);
        var hu = Enumerable.Range(short.MinValue, 65536 - 7).Select(v => (short)v).ToArray(); // a ragged tail too
        var values = new float[hu.Length];

        window.Apply(hu, values);

        for (var i = 0; i < hu.Length; i++)
        {
            Assert.Equal((Math.Clamp(hu[i], lower, upper) - lower) / (upper - lower), values[i], 6);
        }
    }
}
