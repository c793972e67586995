using LunaFpr.Imaging;

namespace LunaFpr.Synthetic;

/// <summary>Random points of the chest at a chosen signed distance from the lung surface.</summary>
internal static class LungSampler
{
    /// <summary>
    /// A uniformly random point of the thoracic cavity's bounding box whose lung signed distance lies in
    /// [<paramref name="lowMm"/>, <paramref name="highMm"/>] (negative inside a lung), or null after 200 misses.
    /// </summary>
    public static Vector3D? Point(ChestAnatomy anatomy, Random random, double lowMm, double highMm)
    {
        var front = anatomy.AnteriorDepthMm - anatomy.AnteriorWallMm;
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var p = new Vector3D(
                anatomy.CentreX + random.Uniform(-1, 1) * anatomy.CavityHalfWidthMm,
                anatomy.CentreY + random.Uniform(-front, anatomy.CavityPosteriorMm),
                random.Uniform(anatomy.LungBottomZ, anatomy.LungApexZ));
            var sd = anatomy.LungSignedDistance(p);
            if (sd >= lowMm && sd <= highMm)
            {
                return p;
            }
        }

        return null;
    }
}
